import type { LadderContent } from '@rungs/shared';
import { Announcements } from '@rungs/shared/api/announcements';
import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import { ACTIVE_STATES } from '@rungs/shared/api/review-status';
import { actorUserId } from '../../auth/system-actor.ts';
import type { Actor } from '../../auth/user-service.ts';
import type { Db } from '../../db/connect.ts';
import { insertVersion, lockLadder } from '../../versions/version-store.ts';
import { ProposalCloseCode } from '../close-codes.ts';
import { renameLadder, requiredApprovals } from '../ladder-ref-store.ts';
import { liveStateOf, readLiveState } from '../live-state.ts';
import { requireProposal } from '../lookup.ts';
import { loadMergeInputs } from '../merge-inputs.ts';
import { planMerge, reviewBlockers } from '../plan-merge.ts';
import { auditProposal } from '../proposal-audit.ts';
import { mergeRefusedError } from '../proposal-errors.ts';
import { listProposals, setDocumentReadOnly, updateProposal } from '../proposal-store.ts';
import { presentAfter, type CommandContext, type ProposalCommand } from './context.ts';

/**
 * Publishes the proposal as version N+1: its own delta (its state minus its base version's)
 * applied onto the latest published state, in one transaction that holds the ladder lock, so
 * concurrent merges of one ladder get consecutive numbers and each builds on the other.
 */
export const publishProposal: ProposalCommand<void, { version: number; proposal: ProposalView }> = async (
  ctx,
  ladder,
  number,
  actor,
) => {
  const first = await requireProposal(ctx.db, ladder, number);
  return ctx.mutex.run(first.id, async () => {
    await refuseEarly(ctx, ladder, number);
    const version = await ctx.db
      .transaction()
      .execute((trx) => publishInTransaction(ctx, trx, ladder, number, actor));
    ctx.rooms.closeDocumentConnections(
      first.document_name,
      ProposalCloseCode.published,
      `Published as version ${version}; this proposal is read-only now.`,
    );
    await announcePublished(ctx, ladder, version);
    ctx.log.info({ ladder: ladder.slug, proposal: number, version }, 'proposal published');
    return { version, proposal: await presentAfter(ctx, ladder, number) };
  });
};

/**
 * The other proposals in progress are now compared with a newer version: everyone on their pages
 * hears of it through the room (their changes, conflicts and merge preview change), on every instance.
 */
async function announcePublished(ctx: CommandContext, ladder: LadderRef, version: number): Promise<void> {
  try {
    for (const other of await listProposals(ctx.db, ladder.id, ACTIVE_STATES))
      ctx.rooms.announce(other.document_name, { [Announcements.ladderPublished]: version });
  } catch (err) {
    // Published all the same: the pages learn of it when they look again (focus, any action).
    ctx.log.warn({ err, ladder: ladder.slug, version }, 'could not announce the published version');
  }
}

/**
 * Refuses, without disturbing anyone's editing (the transaction holds the ladder and the
 * document, and on SQLite every writer), when the review alone rules publishing out. The plan of
 * the live state then gives every reason, as publishing would.
 */
async function refuseEarly(ctx: CommandContext, ladder: LadderRef, number: number): Promise<void> {
  const row = await requireProposal(ctx.db, ladder, number);
  const inputs = await loadMergeInputs(
    ctx.db,
    ladder,
    row,
    await readLiveState(ctx.rooms, row.document_name),
  );
  if (reviewBlockers(inputs).length > 0) throw mergeRefusedError(planMerge(inputs).blockers);
}

/**
 * What is published is what SQL holds once the document's row is locked: every edit acknowledged
 * as saved (on any instance) is in it, and every later one is refused once `read_only` is set.
 */
async function publishInTransaction(
  ctx: CommandContext,
  trx: Db,
  ladder: LadderRef,
  number: number,
  actor: Actor,
): Promise<number> {
  const now = new Date().toISOString();
  await lockLadder(trx, ladder.id, now);
  const row = await requireProposal(trx, ladder, number);
  const head = liveStateOf(await ctx.rooms.store.lockAndReadState(trx, row.document_name));
  const settings = { ...ladder, requiredApprovals: await requiredApprovals(trx, ladder.id) };
  const inputs = await loadMergeInputs(trx, settings, row, head);
  if (row.base_version > 0 && !inputs.base) {
    throw new Error(`base version ${row.base_version} of ${ladder.slug} is missing`);
  }
  const plan = planMerge(inputs);
  if (plan.blockers.length > 0 || !plan.merged) throw mergeRefusedError(plan.blockers);
  const { merged, status } = plan;
  const version = (inputs.published?.number ?? 0) + 1;
  await insertVersion(trx, {
    ladder_id: ladder.id,
    number: version,
    yjs_state: merged.state,
    content_json: JSON.stringify(merged.content),
    title: row.title,
    description: row.description,
    author_id: row.author_id,
    published_by: actorUserId(actor),
    approver_ids: JSON.stringify(status.freshApprovals),
    proposal_id: row.id,
    created_at: now,
  });
  await updateProposal(trx, row.id, now, {
    state: 'merged',
    merged_at: now,
    merged_by: actorUserId(actor),
    merged_version: version,
  });
  await setDocumentReadOnly(trx, row.document_name, true);
  await followPublishedTitle(trx, ladder.id, inputs.published?.content ?? null, merged.content);
  await auditProposal(trx, actor, 'proposal.merged', ladder, row, {
    version,
    baseVersion: row.base_version,
    approvers: status.freshApprovals,
  });
  return version;
}

/** The ladder's listed title and track follow what the new version changes of them. */
async function followPublishedTitle(
  trx: Db,
  ladderId: string,
  previous: LadderContent | null,
  next: LadderContent,
): Promise<void> {
  const { title, track } = next;
  const retitled = title.trim() !== '' && (!previous || previous.title !== title);
  const retracked = !previous || previous.track !== track;
  if (retitled || retracked) {
    await renameLadder(trx, ladderId, {
      ...(retitled ? { title: title.trim() } : {}),
      ...(retracked ? { track } : {}),
    });
  }
}
