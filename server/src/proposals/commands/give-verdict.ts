import type { ProposalView, ReviewerView } from '@rungs/shared/api/proposals';
import { ConflictError, ForbiddenError } from '../../domain-errors.ts';
import { REVIEW_STATES, effectiveState, reviewStatus } from '../../reviews/review-status.ts';
import { stateFingerprint } from '../fingerprint.ts';
import { requireProposal } from '../lookup.ts';
import { auditProposal } from '../proposal-audit.ts';
import { readOnlyError } from '../proposal-errors.ts';
import { findProposal, updateProposal } from '../proposal-store.ts';
import { insertVerdict, verdictsOfProposal } from '../verdict-store.ts';
import { presentAfter, type ProposalCommand } from './context.ts';

export interface VerdictInput {
  verdict: 'approve' | 'request_changes';
  body?: string;
  /** The fingerprint the reviewer saw; refused when the proposal changed since. */
  fingerprint?: string;
}

/** Approve or request changes, on the proposal's current state (never on one's own proposal). */
export const giveVerdict: ProposalCommand<
  VerdictInput,
  { verdict: ReviewerView; proposal: ProposalView }
> = async (ctx, ladder, number, actor, input) => {
  const row = await requireProposal(ctx.db, ladder, number);
  if (row.author_id === actor.user.id) {
    throw new ForbiddenError(
      'own_proposal',
      input.verdict === 'approve'
        ? 'You cannot approve your own proposal; another reviewer has to.'
        : 'You cannot give a verdict on your own proposal; edit it or comment instead.',
    );
  }
  if (row.state === 'draft') {
    throw new ConflictError(
      'not_open',
      'This proposal is still a draft; verdicts come once its author opens it for review.',
    );
  }
  if (!REVIEW_STATES.includes(row.state)) throw readOnlyError(row);
  const fingerprint = await ctx.rooms.read(row.document_name, stateFingerprint);
  if (input.fingerprint !== undefined && input.fingerprint !== fingerprint) {
    throw new ConflictError(
      'proposal_changed',
      'The proposal changed since you loaded it. Look at the latest changes, then give your verdict again.',
    );
  }
  const now = new Date().toISOString();
  const body = input.body?.trim() ?? '';
  await ctx.db.transaction().execute(async (trx) => {
    const stateNow = async () => {
      const verdicts = await verdictsOfProposal(trx, row.id);
      const stored = (await findProposal(trx, ladder.id, number))!.state;
      return effectiveState(stored, reviewStatus(verdicts, fingerprint), ladder.requiredApprovals);
    };
    const from = await stateNow();
    await insertVerdict(trx, {
      proposal_id: row.id,
      reviewer_id: actor.user.id,
      verdict: input.verdict,
      body,
      fingerprint,
      base_version: row.base_version,
      created_at: now,
    });
    const to = await stateNow();
    // The review state is derived, not stored; a verdict that changes it still counts as an update.
    if (to !== from) await updateProposal(trx, row.id, now, {});
    await auditProposal(
      trx,
      actor,
      input.verdict === 'approve' ? 'proposal.approved' : 'proposal.changes_requested',
      ladder,
      row,
      { fingerprint, ...(to !== from ? { from, to } : {}) },
    );
  });
  return {
    verdict: {
      reviewer: { id: actor.user.id, name: actor.user.name },
      verdict: input.verdict,
      fresh: true,
      body,
      at: now,
    },
    proposal: await presentAfter(ctx, ladder, number),
  };
};
