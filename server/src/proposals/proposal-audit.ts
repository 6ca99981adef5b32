import type { LadderRef } from '@rungs/shared/api/proposals';
import { auditActor } from '../auth/actor.ts';
import type { Actor } from '../auth/user-service.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import type { ProposalRow } from './proposal-store.ts';

/** Records what `actor` did to a proposal, in the transaction that did it. */
export async function auditProposal(
  trx: Db,
  actor: Actor,
  action: string,
  ladder: LadderRef,
  row: ProposalRow,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, {
    actor: auditActor(actor),
    action,
    target: `proposal:${ladder.slug}#${row.number}`,
    details: { ladder: ladder.slug, proposal: row.number, title: row.title, ...details },
    ip: actor.ip,
  });
}
