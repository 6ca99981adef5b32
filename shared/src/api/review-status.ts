import type { Conflict } from '../diff/types.ts';

/** Every state a reader sees; `approved` and `changes_requested` are derived from the verdicts, never stored. */
export const PROPOSAL_STATES = [
  'draft',
  'open',
  'changes_requested',
  'approved',
  'merged',
  'closed',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const VERDICTS = ['approve', 'request_changes'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** States in which a proposal is under review (verdicts count, it can be published). */
export const REVIEW_STATES: readonly string[] = ['open', 'changes_requested', 'approved'];
/** States in which a proposal can still change. */
export const ACTIVE_STATES: readonly string[] = ['draft', ...REVIEW_STATES];

export interface VerdictRecord {
  id: number;
  proposal_id: string;
  reviewer_id: string;
  verdict: string;
  body: string;
  fingerprint: string;
  base_version: number;
  created_at: string;
}

export interface ReviewerStatus {
  verdict: VerdictRecord;
  /** The proposal has not changed since this verdict. */
  fresh: boolean;
}

export interface ReviewStatus {
  /** Each reviewer's latest verdict, oldest first. */
  reviewers: ReviewerStatus[];
  freshApprovals: string[];
  staleApprovals: string[];
  /** Reviewers whose latest verdict asks for changes to the current state. */
  changesRequestedBy: string[];
}

/** Counts verdicts against the proposal's current fingerprint: only a reviewer's latest one counts. */
export function reviewStatus(verdicts: readonly VerdictRecord[], fingerprint: string): ReviewStatus {
  const latest = new Map<string, VerdictRecord>();
  for (const v of [...verdicts].sort((a, b) => a.id - b.id)) latest.set(v.reviewer_id, v);
  const reviewers = [...latest.values()]
    .sort((a, b) => a.id - b.id)
    .map((verdict) => ({ verdict, fresh: verdict.fingerprint === fingerprint }));
  return {
    reviewers,
    freshApprovals: reviewers
      .filter((r) => r.fresh && r.verdict.verdict === 'approve')
      .map((r) => r.verdict.reviewer_id),
    staleApprovals: reviewers
      .filter((r) => !r.fresh && r.verdict.verdict === 'approve')
      .map((r) => r.verdict.reviewer_id),
    changesRequestedBy: reviewers
      .filter((r) => r.fresh && r.verdict.verdict === 'request_changes')
      .map((r) => r.verdict.reviewer_id),
  };
}

/**
 * The state a reader sees. Under review, it follows the verdicts on the current state: an edit
 * after an approval turns `approved` back into `open`; an edit after a request for changes turns
 * it into `open` too (ready for another look).
 */
export function effectiveState(
  stored: string,
  status: ReviewStatus,
  requiredApprovals: number,
): ProposalState {
  if (!REVIEW_STATES.includes(stored)) return stored as ProposalState;
  if (status.changesRequestedBy.length > 0) return 'changes_requested';
  if (status.freshApprovals.length > 0 && status.freshApprovals.length >= requiredApprovals)
    return 'approved';
  return 'open';
}

export interface MergeBlocker {
  code:
    | 'not_open'
    | 'already_merged'
    | 'closed'
    | 'changes_requested'
    | 'not_enough_approvals'
    | 'conflicts'
    | 'no_changes';
  message: string;
}

/** Why a proposal cannot be published now; empty when it can. */
export function mergeBlockers(input: {
  state: string;
  status: ReviewStatus;
  requiredApprovals: number;
  conflicts: readonly Conflict[];
  /** Publishing it would leave the published ladder as it is. */
  unchanged?: boolean;
}): MergeBlocker[] {
  const { state, status, requiredApprovals, conflicts, unchanged } = input;
  if (state === 'merged') return [{ code: 'already_merged', message: 'This proposal is already published.' }];
  if (state === 'closed')
    return [{ code: 'closed', message: 'This proposal is closed; reopen it to publish it.' }];
  if (state === 'draft') {
    return [{ code: 'not_open', message: 'This proposal is a draft: open it for review before publishing.' }];
  }
  const blockers: MergeBlocker[] = [];
  if (unchanged) {
    blockers.push({
      code: 'no_changes',
      message: 'Publishing this proposal would not change the published ladder: there is nothing to publish.',
    });
  }
  if (status.changesRequestedBy.length > 0) {
    const n = status.changesRequestedBy.length;
    blockers.push({
      code: 'changes_requested',
      message: `${n} reviewer${n === 1 ? ' has' : 's have'} requested changes to the current state.`,
    });
  }
  const fresh = status.freshApprovals.length;
  if (fresh < requiredApprovals) {
    const stale = status.staleApprovals.length;
    blockers.push({
      code: 'not_enough_approvals',
      message:
        `Publishing needs ${requiredApprovals} approval${requiredApprovals === 1 ? '' : 's'} of the current state; ` +
        `it has ${fresh}` +
        (stale > 0
          ? ` (${stale} more ${stale === 1 ? 'is' : 'are'} stale: the proposal changed after ${stale === 1 ? 'it was' : 'they were'} given).`
          : '.'),
    });
  }
  if (conflicts.length > 0) {
    const labels = conflicts.slice(0, 3).map((c) => c.label);
    const more = conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : '';
    blockers.push({
      code: 'conflicts',
      message:
        `The published ladder changed the same things since this proposal started (${labels.join(', ')}${more}). ` +
        'Update it from published, check the result, and get it approved again.',
    });
  }
  return blockers;
}
