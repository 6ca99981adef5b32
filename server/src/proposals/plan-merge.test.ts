import { describe, expect, it } from 'vitest';
import { plainText, type LadderContent } from '@rungs/shared';
import type { VerdictRecord } from '../reviews/review-status.ts';
import { smallLadder, stateOf } from '../versions/merge-fixtures.ts';
import { applyOnto, forkWithContent, proposalDelta } from '../versions/yjs-merge.ts';
import { liveStateOf } from './live-state.ts';
import { planMerge, reviewBlockers, type MergeInputs, type PublishedState } from './plan-merge.ts';

const ladder = (cells: Record<string, string> = {}, title = 'Plan') => smallLadder(cells, title);

const version = (number: number, state: Uint8Array): PublishedState => ({
  number,
  state,
  content: liveStateOf(state).content,
});

/** v1 published; the proposal forked from it holds `mine`. */
function forkOfV1(mine: LadderContent, v1Content = ladder({ 'L1:C1': 'Start' })) {
  const v1 = version(1, stateOf(v1Content));
  return { v1, head: liveStateOf(forkWithContent(v1.state, mine)) };
}

let verdictId = 0;
const verdict = (
  verdict: 'approve' | 'request_changes',
  fingerprint: string,
  reviewer = 'rita',
): VerdictRecord => ({
  id: ++verdictId,
  proposal_id: 'p',
  reviewer_id: reviewer,
  verdict,
  body: '',
  fingerprint,
  base_version: 1,
  created_at: '2026-01-01T00:00:00.000Z',
});

function inputs(over: Partial<MergeInputs> & Pick<MergeInputs, 'head'>): MergeInputs {
  return {
    state: 'open',
    baseVersion: 1,
    requiredApprovals: 1,
    verdicts: [verdict('approve', over.head.fingerprint)],
    base: null,
    published: null,
    ...over,
  };
}

const codes = (plan: { blockers: { code: string }[] }) => plan.blockers.map((b) => b.code);

describe('planMerge', () => {
  it('publishes an approved proposal on an unmoved line as its own content', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Start', 'L2:C1': 'Mine' }));
    const plan = planMerge(inputs({ head, base: v1, published: v1 }));
    expect(codes(plan)).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.merged!.content).toEqual(head.content);
    expect(plan.preview!.cells.map((c) => [c.key, c.change])).toEqual([['L2:C1', 'added']]);
    expect(plan.status.freshApprovals).toEqual(['rita']);
  });

  it('applies only the proposal’s own delta onto a line that moved, so both changes land', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Start', 'L2:C1': 'Mine' }));
    const v2 = version(
      2,
      applyOnto(v1.state, proposalDelta(forkWithContent(v1.state, ladder({ 'L1:C1': 'Theirs' })), v1.state))
        .state,
    );
    const plan = planMerge(inputs({ head, base: v1, published: v2 }));
    expect(codes(plan)).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plainText(plan.merged!.content.cells['L1:C1']!)).toBe('Theirs');
    expect(plainText(plan.merged!.content.cells['L2:C1']!)).toBe('Mine');
    // Against the published version, publishing adds the proposal's cell and nothing else.
    expect(plan.preview!.cells.map((c) => [c.key, c.change])).toEqual([['L2:C1', 'added']]);
  });

  it('blocks on a conflict when both the proposal and the published line changed one cell', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Mine' }));
    const v2 = version(2, forkWithContent(v1.state, ladder({ 'L1:C1': 'Theirs' })));
    const plan = planMerge(inputs({ head, base: v1, published: v2 }));
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({
      target: { type: 'cell', key: 'L1:C1' },
      reason: 'both-changed',
    });
    expect(codes(plan)).toEqual(['conflicts']);
    // The review alone does not rule it out: only the merge finds the conflict.
    expect(reviewBlockers(inputs({ head, base: v1, published: v2 }))).toEqual([]);
  });

  it('blocks a proposal whose publishing would change nothing', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Start' }));
    const plan = planMerge(inputs({ head, base: v1, published: v1 }));
    expect(codes(plan)).toEqual(['no_changes']);
    expect(plan.merged!.content).toEqual(v1.content);
  });

  it('counts only approvals of the current state, and fresh requests for changes', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Changed' }));
    const stale = planMerge(
      inputs({ head, base: v1, published: v1, verdicts: [verdict('approve', 'before')] }),
    );
    expect(codes(stale)).toEqual(['not_enough_approvals']);
    expect(stale.blockers[0]!.message).toMatch(/stale/);
    const requested = planMerge(
      inputs({
        head,
        base: v1,
        published: v1,
        verdicts: [
          verdict('approve', head.fingerprint),
          verdict('request_changes', head.fingerprint, 'ravi'),
        ],
      }),
    );
    expect(codes(requested)).toEqual(['changes_requested']);
    expect(codes(planMerge(inputs({ head, base: v1, published: v1, requiredApprovals: 2 })))).toEqual([
      'not_enough_approvals',
    ]);
    expect(
      codes(planMerge(inputs({ head, base: v1, published: v1, requiredApprovals: 0, verdicts: [] }))),
    ).toEqual([]);
  });

  it('refuses drafts, and merges nothing for merged or closed proposals', () => {
    const { v1, head } = forkOfV1(ladder({ 'L1:C1': 'Mine' }));
    const v2 = version(2, forkWithContent(v1.state, ladder({ 'L1:C1': 'Theirs' })));
    expect(codes(planMerge(inputs({ head, base: v1, published: v2, state: 'draft' })))).toEqual(['not_open']);
    for (const [state, code] of [
      ['merged', 'already_merged'],
      ['closed', 'closed'],
    ] as const) {
      const plan = planMerge(inputs({ head, base: v1, published: v2, state }));
      expect(codes(plan)).toEqual([code]);
      expect(plan).toMatchObject({ merged: null, preview: null, conflicts: [] });
    }
  });

  it('publishes a ladder’s first proposal (no base, nothing published) whole', () => {
    const head = liveStateOf(stateOf(ladder({ 'L1:C1': 'First' }, 'First ladder')));
    const plan = planMerge(inputs({ head, baseVersion: 0 }));
    expect(codes(plan)).toEqual([]);
    expect(plan.merged!.content).toEqual(head.content);
    expect(plan.preview!.ladder.title).toEqual({ from: '', to: 'First ladder' });
  });
});
