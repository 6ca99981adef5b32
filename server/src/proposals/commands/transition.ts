import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import { actorUserId } from '../../auth/system-actor.ts';
import type { Db } from '../../db/connect.ts';
import { ACTIVE_STATES, REVIEW_STATES } from '../../reviews/review-status.ts';
import { lockLadder } from '../../versions/version-store.ts';
import { ProposalCloseCode } from '../close-codes.ts';
import { requireProposal } from '../lookup.ts';
import { auditProposal } from '../proposal-audit.ts';
import { readOnlyError } from '../proposal-errors.ts';
import { findProposal, setDocumentReadOnly, updateProposal, type ProposalRow } from '../proposal-store.ts';
import { presentAfter, type CommandContext, type ProposalCommand } from './context.ts';

type Step = (trx: Db, row: ProposalRow, now: string) => Promise<void>;

/** draft → open: ready for review. */
export const openProposal: ProposalCommand = async (ctx, ladder, number, actor) => {
  return transition(ctx, ladder, number, async (trx, row, now) => {
    if (row.state !== 'draft') {
      if (REVIEW_STATES.includes(row.state)) return;
      throw readOnlyError(row);
    }
    await updateProposal(trx, row.id, now, { state: 'open', opened_at: now });
    await auditProposal(trx, actor, 'proposal.opened', ladder, row, { from: row.state });
  });
};

/**
 * Closes without publishing; the document becomes read-only. The flag is flipped in SQL, where
 * every instance's group commit checks it: edits still in flight anywhere are refused, not lost.
 */
export const closeProposal: ProposalCommand = async (ctx, ladder, number, actor) => {
  const view = await transition(ctx, ladder, number, async (trx, row, now) => {
    if (row.state === 'closed') return;
    if (row.state === 'merged') throw readOnlyError(row);
    await updateProposal(trx, row.id, now, {
      state: 'closed',
      closed_at: now,
      closed_by: actorUserId(actor),
    });
    await setDocumentReadOnly(trx, row.document_name, true);
    await auditProposal(trx, actor, 'proposal.closed', ladder, row, { from: row.state });
  });
  return reconnect(ctx, view, ProposalCloseCode.closed, 'This proposal was closed; it is read-only now.');
};

/** closed → draft (or open, when it had been opened): editable again. */
export const reopenProposal: ProposalCommand = async (ctx, ladder, number, actor) => {
  const view = await transition(ctx, ladder, number, async (trx, row, now) => {
    if (row.state !== 'closed') {
      if (ACTIVE_STATES.includes(row.state)) return;
      throw readOnlyError(row);
    }
    const state = row.opened_at ? 'open' : 'draft';
    await updateProposal(trx, row.id, now, { state, closed_at: null, closed_by: null });
    await setDocumentReadOnly(trx, row.document_name, false);
    await auditProposal(trx, actor, 'proposal.reopened', ladder, row, { to: state });
  });
  return reconnect(
    ctx,
    view,
    ProposalCloseCode.reopened,
    'This proposal was reopened; reconnecting to edit.',
  );
};

/** Runs `step` on the proposal as it is under the ladder lock, one command at a time per proposal. */
async function transition(
  ctx: CommandContext,
  ladder: LadderRef,
  number: number,
  step: Step,
): Promise<ProposalView> {
  const first = await requireProposal(ctx.db, ladder, number);
  await ctx.mutex.run(first.id, () =>
    ctx.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await lockLadder(trx, ladder.id, now);
      await step(trx, (await findProposal(trx, ladder.id, number))!, now);
    }),
  );
  return presentAfter(ctx, ladder, number);
}

/** Closes the document's connections on every instance: its clients reconnect with their new access. */
function reconnect(ctx: CommandContext, view: ProposalView, code: number, reason: string): ProposalView {
  ctx.rooms.closeDocumentConnections(view.documentName, code, reason);
  return view;
}
