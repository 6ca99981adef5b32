import { newId } from '@rungs/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProposalsTable } from '../db/schema.ts';
import { lockLadder } from '../versions/version-store.ts';
import type { VerdictRecord } from '../reviews/review-status.ts';

type Db = Kysely<Database>;
export type ProposalRow = Selectable<ProposalsTable>;

export interface NewProposal {
  ladderId: string;
  title: string;
  description: string;
  authorId: string | null;
  state: 'draft' | 'open';
  baseVersion: number;
  restoredFromVersion?: number | null;
  /** The document's first logged update: the fork of the published state (and any edits on it). */
  initialState: Uint8Array;
}

/**
 * Creates a proposal with its live document in `trx` (call it inside a transaction). Numbers are
 * per ladder and allocated under the ladder lock, so concurrent creations never collide.
 */
export async function insertProposal(trx: Db, input: NewProposal): Promise<ProposalRow> {
  const now = new Date().toISOString();
  await lockLadder(trx, input.ladderId, now);
  const max = await trx
    .selectFrom('proposals')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('ladder_id', '=', input.ladderId)
    .executeTakeFirst();
  const number = Number(max?.n ?? 0) + 1;
  const documentName = `doc-${newId()}`;
  await trx
    .insertInto('documents')
    .values({ name: documentName, ladder_id: input.ladderId, kind: 'proposal', created_at: now })
    .execute();
  await trx
    .insertInto('doc_updates')
    .values({ document_name: documentName, data: input.initialState, created_at: now })
    .execute();
  const row: ProposalRow = {
    id: newId(),
    ladder_id: input.ladderId,
    number,
    document_name: documentName,
    title: input.title,
    description: input.description,
    author_id: input.authorId,
    state: input.state,
    base_version: input.baseVersion,
    restored_from_version: input.restoredFromVersion ?? null,
    created_at: now,
    updated_at: now,
    opened_at: input.state === 'open' ? now : null,
    merged_at: null,
    merged_by: null,
    merged_version: null,
    closed_at: null,
    closed_by: null,
  };
  await trx.insertInto('proposals').values(row).execute();
  return row;
}

export async function findProposal(
  db: Db,
  ladderId: string,
  number: number,
): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('proposals')
    .selectAll()
    .where('ladder_id', '=', ladderId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function verdictsOf(db: Db, proposalIds: string[]): Promise<Map<string, VerdictRecord[]>> {
  const out = new Map<string, VerdictRecord[]>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .selectFrom('proposal_verdicts')
    .selectAll()
    .where('proposal_id', 'in', proposalIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.proposal_id) ?? [];
    list.push({ ...row, id: Number(row.id) });
    out.set(row.proposal_id, list);
  }
  return out;
}

export interface CommentCounts {
  comments: number;
  unresolvedThreads: number;
}

export async function commentCounts(db: Db, proposalIds: string[]): Promise<Map<string, CommentCounts>> {
  const out = new Map<string, CommentCounts>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .selectFrom('proposal_comments')
    .select(['proposal_id', 'parent_id', 'resolved_at'])
    .where('proposal_id', 'in', proposalIds)
    .where('deleted_at', 'is', null)
    .execute();
  for (const r of rows) {
    const c = out.get(r.proposal_id) ?? { comments: 0, unresolvedThreads: 0 };
    c.comments++;
    if (r.parent_id === null && r.resolved_at === null) c.unresolvedThreads++;
    out.set(r.proposal_id, c);
  }
  return out;
}
