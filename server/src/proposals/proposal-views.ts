import {
  diffLadders,
  summarizeDiff,
  type Conflict,
  type LadderContent,
  type LadderDiff,
} from '@rungs/shared';
import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import {
  ACTIVE_STATES,
  REVIEW_STATES,
  effectiveState,
  reviewStatus,
  type MergeBlocker,
  type ProposalState,
  type ReviewStatus,
  type VerdictRecord,
} from '../reviews/review-status.ts';
import { approverIds, latestVersionNumbers } from '../versions/version-store.ts';
import { stateFingerprint } from './fingerprint.ts';
import { commentCounts, verdictsOf, type ProposalRow } from './proposal-store.ts';
import { refOf, userRefs, type UserRef } from './user-refs.ts';

/** What the API says about proposals: the shapes, and how rows become them. */

export interface LadderRef {
  id: string;
  slug: string;
  title: string;
  track: string;
  requiredApprovals: number;
}

export interface ReviewerView {
  reviewer: UserRef;
  verdict: 'approve' | 'request_changes';
  /** False once the proposal changed after this verdict (shown, not counted). */
  fresh: boolean;
  body: string;
  at: string;
}

export interface ProposalView {
  id: string;
  number: number;
  title: string;
  description: string;
  state: ProposalState;
  /** The live document to open at /collab/:documentName. */
  documentName: string;
  readOnly: boolean;
  author: UserRef | null;
  baseVersion: number;
  /** The ladder's latest published version (0: none yet). */
  publishedVersion: number;
  /** The published line moved on since this proposal forked (or last updated from it). */
  behindPublished: boolean;
  restoredFromVersion: number | null;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  mergedAt: string | null;
  mergedVersion: number | null;
  mergedBy: UserRef | null;
  closedAt: string | null;
  closedBy: UserRef | null;
  approvals: { required: number; fresh: number; stale: number };
  reviewers: ReviewerView[];
  comments: { total: number; unresolvedThreads: number };
}

export interface DiffView {
  diff: LadderDiff;
  /** One human sentence per change. */
  summary: string[];
}

export interface ProposalDetail extends ProposalView {
  /** Identifies the document state this answer describes; send it with a verdict. */
  fingerprint: string;
  ladder: LadderRef;
  /** What the proposal changes, against its base version. */
  changes: DiffView;
  /** What publishing it now would change, against the current published version (null once closed or merged). */
  preview: DiffView | null;
  /** Things both the proposal and the published line changed since the base (empty when none). */
  conflicts: Conflict[];
  checks: { canMerge: boolean; blockers: MergeBlocker[] };
}

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
  const [verdicts, counts, published] = await Promise.all([
    verdictsOf(db, ids),
    commentCounts(db, ids),
    latestVersionNumbers(db, [ladder.id]).then((m) => m.get(ladder.id) ?? 0),
  ]);
  // Freshness needs the document's current fingerprint: only for proposals under review with verdicts.
  const fingerprints = new Map(known);
  await Promise.all(
    rows
      .filter((r) => REVIEW_STATES.includes(r.state) && verdicts.has(r.id) && !fingerprints.has(r.id))
      .map(async (r) => fingerprints.set(r.id, await rooms.read(r.document_name, stateFingerprint))),
  );
  const approversByProposal = new Map<string, Set<string>>();
  const merged = rows.filter((r) => r.state === 'merged' && r.merged_version !== null);
  if (merged.length) {
    const versions = await db
      .selectFrom('versions')
      .select(['proposal_id', 'approver_ids'])
      .where('ladder_id', '=', ladder.id)
      .where(
        'proposal_id',
        'in',
        merged.map((r) => r.id),
      )
      .execute();
    for (const v of versions)
      if (v.proposal_id) approversByProposal.set(v.proposal_id, new Set(approverIds(v)));
  }
  const refs = await userRefs(db, [
    ...rows.flatMap((r) => [r.author_id, r.merged_by, r.closed_by]),
    ...[...verdicts.values()].flat().map((v) => v.reviewer_id),
  ]);
  return rows.map((row) => {
    const list = verdicts.get(row.id) ?? [];
    let status: ReviewStatus;
    if (row.state === 'merged') {
      // What counted is what the published version records.
      const approvers = approversByProposal.get(row.id) ?? new Set<string>();
      const base = reviewStatus(list, '');
      status = {
        ...base,
        reviewers: base.reviewers.map((r) => ({
          ...r,
          fresh: approvers.has(r.verdict.reviewer_id) && r.verdict.verdict === 'approve',
        })),
        freshApprovals: [...approvers],
        staleApprovals: base.staleApprovals.filter((id) => !approvers.has(id)),
      };
    } else {
      status = reviewStatus(list, fingerprints.get(row.id) ?? '');
    }
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

export function reviewerView(v: VerdictRecord, fresh: boolean, refs: Map<string, UserRef>): ReviewerView {
  return {
    reviewer: refOf(refs, v.reviewer_id)!,
    verdict: v.verdict === 'approve' ? 'approve' : 'request_changes',
    fresh,
    body: v.body,
    at: v.created_at,
  };
}

export function diffView(base: LadderContent, head: LadderContent): DiffView {
  const diff = diffLadders(base, head);
  return { diff, summary: summarizeDiff(diff) };
}
