import { describe, expect, it } from 'vitest';
import { effectiveState, mergeBlockers, reviewStatus, type VerdictRecord } from './review-status.ts';

let nextId = 1;
const verdict = (reviewer: string, v: 'approve' | 'request_changes', fingerprint: string): VerdictRecord => ({
  id: nextId++,
  proposal_id: 'p',
  reviewer_id: reviewer,
  verdict: v,
  body: '',
  fingerprint,
  base_version: 1,
  created_at: new Date().toISOString(),
});

describe('review status', () => {
  it('counts each reviewer’s latest verdict, fresh only when it saw the current state', () => {
    const verdicts = [
      verdict('rita', 'request_changes', 'f1'),
      verdict('rita', 'approve', 'f2'),
      verdict('ravi', 'approve', 'f1'),
    ];
    const status = reviewStatus(verdicts, 'f2');
    expect(status.freshApprovals).toEqual(['rita']);
    expect(status.staleApprovals).toEqual(['ravi']);
    expect(status.changesRequestedBy).toEqual([]);
    expect(effectiveState('open', status, 1)).toBe('approved');
    expect(effectiveState('approved', status, 2)).toBe('open');
    expect(effectiveState('merged', status, 1)).toBe('merged');
  });

  it('a fresh request for changes blocks; a stale one does not', () => {
    const verdicts = [verdict('rita', 'request_changes', 'f1'), verdict('ravi', 'approve', 'f2')];
    expect(effectiveState('open', reviewStatus(verdicts, 'f1'), 1)).toBe('changes_requested');
    expect(effectiveState('changes_requested', reviewStatus(verdicts, 'f2'), 1)).toBe('approved');
  });

  it('lists why a proposal cannot be published', () => {
    const stale = reviewStatus([verdict('rita', 'approve', 'old')], 'new');
    const blockers = mergeBlockers({ state: 'open', status: stale, requiredApprovals: 1, conflicts: [] });
    expect(blockers.map((b) => b.code)).toEqual(['not_enough_approvals']);
    expect(blockers[0]!.message).toMatch(/needs 1 approval of the current state; it has 0 \(1 more is stale/);
    expect(
      mergeBlockers({ state: 'draft', status: stale, requiredApprovals: 0, conflicts: [] })[0]!.code,
    ).toBe('not_open');
    expect(
      mergeBlockers({
        state: 'open',
        status: stale,
        requiredApprovals: 0,
        conflicts: [],
        unchanged: true,
      }).map((b) => b.code),
    ).toEqual(['no_changes']);
    expect(mergeBlockers({ state: 'open', status: stale, requiredApprovals: 0, conflicts: [] })).toEqual([]);
  });
});
