import {
  detectConflicts,
  diffLadders,
  emptyLadderContent,
  isEmpty,
  type Conflict,
  type LadderContent,
  type LadderDiff,
} from '@rungs/shared';
import {
  ACTIVE_STATES,
  mergeBlockers,
  reviewStatus,
  type MergeBlocker,
  type ReviewStatus,
  type VerdictRecord,
} from '../reviews/review-status.ts';
import { applyOnto, proposalDelta, type MergeResult } from '../versions/yjs-merge.ts';
import type { LiveState } from './live-state.ts';

/** A published version as merging needs it. */
export interface PublishedState {
  number: number;
  state: Uint8Array;
  content: LadderContent;
}

/** Everything that decides whether and how a proposal publishes. */
export interface MergeInputs {
  /** The proposal's stored state. */
  state: string;
  baseVersion: number;
  requiredApprovals: number;
  verdicts: readonly VerdictRecord[];
  /** The proposal's document: as its room holds it, or as SQL holds it under the publish lock. */
  head: LiveState;
  /** The version it forked from (or last updated from); null for a ladder's first proposal. */
  base: PublishedState | null;
  /** The latest published version; null while nothing is published. */
  published: PublishedState | null;
}

export interface MergePlan {
  /** The verdicts counted against the head's fingerprint. */
  status: ReviewStatus;
  /** What both the proposal and the published line changed since the base. */
  conflicts: Conflict[];
  /** The published line after publishing: its Yjs state and ladder (null once merged or closed). */
  merged: MergeResult | null;
  /** What publishing changes of the published ladder (of an empty one while none is published). */
  preview: LadderDiff | null;
  /** Why it can't be published now; empty when it can. */
  blockers: MergeBlocker[];
}

/**
 * What publishing the proposal would do, computed from its inputs alone: its own delta (head minus
 * base) applied onto the published state, the conflicts, and every reason it can't be published.
 */
export function planMerge(inputs: MergeInputs): MergePlan {
  const { head, base, published } = inputs;
  const status = reviewStatus(inputs.verdicts, head.fingerprint);
  const active = ACTIVE_STATES.includes(inputs.state);
  const behind = published !== null && published.number > inputs.baseVersion;
  const conflicts =
    active && behind ? detectConflicts(base?.content ?? emptyContent(), head.content, published.content) : [];
  const merged = active
    ? applyOnto(published?.state ?? null, proposalDelta(head.state, base?.state ?? null))
    : null;
  const preview = merged ? diffLadders(published?.content ?? emptyContent(), merged.content) : null;
  const blockers = mergeBlockers({
    state: inputs.state,
    status,
    requiredApprovals: inputs.requiredApprovals,
    conflicts,
    unchanged: preview !== null && published !== null && isEmpty(preview),
  });
  return { status, conflicts, merged, preview, blockers };
}

/**
 * The reasons the review alone gives (state, verdicts, approvals), without merging anything:
 * when there is one, the proposal can't be published whatever the merge would give.
 */
export function reviewBlockers(inputs: MergeInputs): MergeBlocker[] {
  return mergeBlockers({
    state: inputs.state,
    status: reviewStatus(inputs.verdicts, inputs.head.fingerprint),
    requiredApprovals: inputs.requiredApprovals,
    conflicts: [],
  });
}

const emptyContent = () => emptyLadderContent('', '');
