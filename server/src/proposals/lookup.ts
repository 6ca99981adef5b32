import type { LadderRef } from '@rungs/shared/api/proposals';
import type { Db } from '../db/connect.ts';
import { notFoundError } from '../domain-errors.ts';
import { findLadderRef } from './ladder-ref-store.ts';
import { findProposal, type ProposalRow } from './proposal-store.ts';

/** The ladder a request names, or 404. */
export async function requireLadder(db: Db, slug: string): Promise<LadderRef> {
  const ladder = await findLadderRef(db, slug);
  if (!ladder) throw notFoundError(`Ladder "${slug}"`);
  return ladder;
}

/** The proposal a request names, or 404. */
export async function requireProposal(db: Db, ladder: LadderRef, number: number): Promise<ProposalRow> {
  const row = await findProposal(db, ladder.id, number);
  if (!row) throw notFoundError(`Proposal #${number} of "${ladder.slug}"`);
  return row;
}
