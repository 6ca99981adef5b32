import { detectConflicts, diffLadders, isEmpty, summarizeDiff } from '@rungs/shared/diff/index';
import { mergeBlockers, REVIEW_STATES, type ReviewStatus } from '@rungs/shared/api/review-status';
import type { ProposalDetail } from '../api/proposals.ts';
import type { LadderContent } from '../domain.ts';

/** What the browser's own copy of the proposal's document holds right now. */
export interface LiveDocument {
  content: LadderContent;
  fingerprint: string;
}

/** The base and published versions the live document is compared with (undefined while loading). */
export interface Comparisons {
  base: LadderContent | undefined;
  published: LadderContent | undefined;
}

/**
 * The proposal as it stands with the live document: the server's answer describes the state it
 * fingerprinted, and the document may have moved on since. Changes and conflicts are recomputed
 * from the live content; once the fingerprint differs, every verdict is stale (a verdict is fresh
 * only for the exact state it was given on, and a state never comes back), so the state and the
 * checks follow from that. The server decides again when anyone acts; this keeps the page honest
 * between its answers without asking it.
 */
export function withLiveDocument(
  detail: ProposalDetail,
  live: LiveDocument | null,
  { base, published }: Comparisons,
): ProposalDetail {
  if (!live || !base || detail.readOnly) return detail;
  const diff = diffLadders(base, live.content);
  const changes = { diff, summary: summarizeDiff(diff) };
  const behind = detail.behindPublished && published !== undefined;
  const conflicts = behind ? detectConflicts(base, live.content, published) : detail.conflicts;
  if (live.fingerprint === detail.fingerprint) return { ...detail, changes, conflicts };

  const inReview = REVIEW_STATES.includes(detail.state);
  const reviewers = detail.reviewers.map((r) => ({ ...r, fresh: false }));
  const staleApprovals = reviewers.filter((r) => r.verdict === 'approve').map((r) => r.reviewer.id);
  const status: ReviewStatus = { reviewers: [], freshApprovals: [], staleApprovals, changesRequestedBy: [] };
  const unchanged =
    detail.publishedVersion > 0 &&
    (isEmpty(diff) || (behind && isEmpty(diffLadders(published, live.content))));
  const blockers = mergeBlockers({
    state: detail.state,
    status,
    requiredApprovals: detail.approvals.required,
    conflicts,
    unchanged,
  });
  return {
    ...detail,
    fingerprint: live.fingerprint,
    state: inReview ? 'open' : detail.state,
    reviewers,
    approvals: { ...detail.approvals, fresh: 0, stale: staleApprovals.length },
    changes,
    conflicts,
    checks: { canMerge: blockers.length === 0, blockers },
  };
}
