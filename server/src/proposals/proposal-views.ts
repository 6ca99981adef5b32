import { summarizeDiff, type LadderContent } from '@rungs/shared';
import type {
  LadderRef,
  ProposalDetail,
  ProposalPermissions,
  ProposalView,
  ReviewerView,
} from '@rungs/shared/api/proposals';
import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import {
  ACTIVE_STATES,
  REVIEW_STATES,
  effectiveState,
  reviewStatus,
  type ReviewStatus,
  type VerdictRecord,
} from '../reviews/review-status.ts';
import { refOf, userRefs, type UserRef } from '../auth/user-ref-store.ts';
import { diffView } from '../versions/diff-view.ts';
import { approversOfProposals, latestVersionNumbers } from '../versions/version-store.ts';
import { stateFingerprint } from './fingerprint.ts';
import type { MergePlan } from './plan-merge.ts';
import { commentCounts, type ProposalRow } from './proposal-store.ts';
import { verdictsOf } from './verdict-store.ts';

/** How proposal rows become the API's shapes (`@rungs/shared/api/proposals`). */

/**
 * Proposals as readers see them: state after fresh and stale verdicts, approvals counted, authors
 * and reviewers named. `known` holds fingerprints the caller already has (by proposal id).
 */
export async function proposalViews(
  db: Db,
  rooms: RoomManager,
  ladder: LadderRef,
  rows: ProposalRow[],
  known?: Map<string, string>,
): Promise<ProposalView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const merged = rows.filter((r) => r.state === 'merged' && r.merged_version !== null).map((r) => r.id);
  const [verdicts, counts, published, approversByProposal] = await Promise.all([
    verdictsOf(db, ids),
    commentCounts(db, ids),
    latestVersionNumbers(db, [ladder.id]).then((m) => m.get(ladder.id) ?? 0),
    approversOfProposals(db, ladder.id, merged),
  ]);
  // Freshness needs the document's current fingerprint: only for proposals under review with verdicts.
  const fingerprints = new Map(known);
  await Promise.all(
    rows
      .filter((r) => REVIEW_STATES.includes(r.state) && verdicts.has(r.id) && !fingerprints.has(r.id))
      .map(async (r) => fingerprints.set(r.id, await rooms.read(r.document_name, stateFingerprint))),
  );
  const refs = await userRefs(db, [
    ...rows.flatMap((r) => [r.author_id, r.merged_by, r.closed_by]),
    ...[...verdicts.values()].flat().map((v) => v.reviewer_id),
  ]);
  return rows.map((row) => {
    const list = verdicts.get(row.id) ?? [];
    const status =
      row.state === 'merged'
        ? publishedStatus(list, approversByProposal.get(row.id) ?? new Set())
        : reviewStatus(list, fingerprints.get(row.id) ?? '');
    const c = counts.get(row.id) ?? { comments: 0, unresolvedThreads: 0 };
    return {
      id: row.id,
      number: row.number,
      title: row.title,
      description: row.description,
      state: effectiveState(row.state, status, ladder.requiredApprovals),
      documentName: row.document_name,
      readOnly: !ACTIVE_STATES.includes(row.state),
      author: refOf(refs, row.author_id),
      baseVersion: row.base_version,
      publishedVersion: published,
      behindPublished: ACTIVE_STATES.includes(row.state) && published > row.base_version,
      restoredFromVersion: row.restored_from_version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      openedAt: row.opened_at,
      mergedAt: row.merged_at,
      mergedVersion: row.merged_version,
      mergedBy: refOf(refs, row.merged_by),
      closedAt: row.closed_at,
      closedBy: refOf(refs, row.closed_by),
      approvals: {
        required: ladder.requiredApprovals,
        fresh: status.freshApprovals.length,
        stale: status.staleApprovals.length,
      },
      reviewers: status.reviewers.map((r) => reviewerView(r.verdict, r.fresh, refs)),
      comments: { total: c.comments, unresolvedThreads: c.unresolvedThreads },
    };
  });
}

/** A merged proposal's review as it counted: what the published version records. */
function publishedStatus(verdicts: VerdictRecord[], approvers: Set<string>): ReviewStatus {
  const base = reviewStatus(verdicts, '');
  return {
    ...base,
    reviewers: base.reviewers.map((r) => ({
      ...r,
      fresh: approvers.has(r.verdict.reviewer_id) && r.verdict.verdict === 'approve',
    })),
    freshApprovals: [...approvers],
    staleApprovals: base.staleApprovals.filter((id) => !approvers.has(id)),
  };
}

export function reviewerView(v: VerdictRecord, fresh: boolean, refs: Map<string, UserRef>): ReviewerView {
  return {
    reviewer: refOf(refs, v.reviewer_id)!,
    verdict: v.verdict === 'approve' ? 'approve' : 'request_changes',
    fresh,
    body: v.body,
    at: v.created_at,
  };
}

/** The detail of a proposal: its view, its changes against its base and its merge plan. */
export function proposalDetail(input: {
  view: ProposalView;
  ladder: LadderRef;
  fingerprint: string;
  baseContent: LadderContent;
  headContent: LadderContent;
  plan: MergePlan;
  can: ProposalPermissions;
}): ProposalDetail {
  const { plan } = input;
  return {
    ...input.view,
    fingerprint: input.fingerprint,
    ladder: input.ladder,
    changes: diffView(input.baseContent, input.headContent),
    preview:
      plan.merged && plan.preview
        ? { diff: plan.preview, summary: summarizeDiff(plan.preview), content: plan.merged.content }
        : null,
    conflicts: plan.conflicts,
    checks: { canMerge: plan.blockers.length === 0, blockers: plan.blockers },
    can: input.can,
  };
}

/** One proposal as readers see it (`fingerprint`: its document's, when the caller has it). */
export async function proposalView(
  db: Db,
  rooms: RoomManager,
  ladder: LadderRef,
  row: ProposalRow,
  fingerprint?: string,
): Promise<ProposalView> {
  const known = fingerprint !== undefined ? new Map([[row.id, fingerprint]]) : undefined;
  const [view] = await proposalViews(db, rooms, ladder, [row], known);
  return view!;
}
