import {
  mergeUpdateFromPublished,
  readLadderContent,
  UpdateResolutionError,
  type LadderContent,
  type UpdateResolution,
} from '@rungs/shared';
import { ConflictError, InvalidInputError } from '../../domain-errors.ts';
import { ACTIVE_STATES, effectiveState, reviewStatus } from '../../reviews/review-status.ts';
import { latestVersion, versionContent } from '../../versions/version-store.ts';
import { applyUpdateFromPublished } from '../../versions/yjs-merge.ts';
import { stateFingerprint } from '../fingerprint.ts';
import { requireProposal } from '../lookup.ts';
import { auditProposal } from '../proposal-audit.ts';
import { baseContentOf } from '../merge-inputs.ts';
import { readOnlyError } from '../proposal-errors.ts';
import { findProposal, updateProposal } from '../proposal-store.ts';
import { verdictsOfProposal } from '../verdict-store.ts';
import type { ProposalCommand } from './context.ts';

export interface UpdateConfirmation {
  publishedVersion: number;
  fingerprint: string;
  resolutions: Record<string, UpdateResolution>;
}

/**
 * Updates the proposal from the latest published version as its author confirmed it (see the
 * update plan): one-sided changes are taken, each conflict as resolved, through its room so
 * editors see it at once; then its base moves there and approvals become stale. Refused when a
 * conflict has no resolution, or the proposal or the published line moved since the plan.
 */
export const updateFromPublished: ProposalCommand<UpdateConfirmation, void> = async (
  ctx,
  ladder,
  number,
  actor,
  confirm,
) => {
  const first = await requireProposal(ctx.db, ladder, number);
  await ctx.mutex.run(first.id, async () => {
    const row = await requireProposal(ctx.db, ladder, number);
    if (!ACTIVE_STATES.includes(row.state)) throw readOnlyError(row);
    const latest = await latestVersion(ctx.db, ladder.id);
    if (!latest || latest.number <= row.base_version) return;
    if (confirm.publishedVersion !== latest.number) {
      throw new ConflictError(
        'published_moved',
        `Version ${latest.number} was published after you reviewed this update (against version ${confirm.publishedVersion}). Review the update again.`,
      );
    }
    const baseContent = await baseContentOf(ctx.db, ladder.id, row);
    const publishedContent = versionContent(latest);
    await ctx.rooms.change(row.document_name, (doc) => {
      if (stateFingerprint(doc) !== confirm.fingerprint) {
        throw new ConflictError(
          'proposal_changed',
          'The proposal was edited after you reviewed this update. Review the update again.',
        );
      }
      applyUpdateFromPublished(
        doc,
        latest.yjs_state,
        resolvedMerge(baseContent, publishedContent, readLadderContent(doc), confirm.resolutions),
      );
    });
    const fingerprint = await ctx.rooms.read(row.document_name, stateFingerprint);
    await ctx.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const current = (await findProposal(trx, ladder.id, number))!;
      const verdicts = await verdictsOfProposal(trx, row.id);
      const stateAt = (fp: string) =>
        effectiveState(current.state, reviewStatus(verdicts, fp), ladder.requiredApprovals);
      const [from, to] = [stateAt(confirm.fingerprint), stateAt(fingerprint)];
      await updateProposal(trx, row.id, now, { base_version: latest.number });
      await auditProposal(trx, actor, 'proposal.updated_from_published', ladder, row, {
        fromVersion: row.base_version,
        toVersion: latest.number,
        resolutions: Object.fromEntries(Object.entries(confirm.resolutions).map(([id, r]) => [id, r.choice])),
        ...(to !== from ? { from, to } : {}),
      });
    });
  });
};

/** The ladder the author chose: refused (400) while a conflict has no resolution. */
function resolvedMerge(
  base: LadderContent,
  published: LadderContent,
  mine: LadderContent,
  resolutions: Record<string, UpdateResolution>,
): LadderContent {
  try {
    return mergeUpdateFromPublished(base, published, mine, resolutions);
  } catch (err) {
    if (err instanceof UpdateResolutionError)
      throw new InvalidInputError('unresolved_conflicts', err.message);
    throw err;
  }
}
