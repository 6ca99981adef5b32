import { describe, expect, it } from 'vitest';
import { baseLadder, clone, p } from '@rungs/shared/diff/test-fixtures';
import { cellKey } from '@rungs/shared/model/index';
import type { ProposalDetail } from '../api/proposals.ts';
import { withLiveDocument } from './live-proposal.ts';

const base = baseLadder();

function detail(overrides: Partial<ProposalDetail> = {}): ProposalDetail {
  return {
    id: 'p1',
    number: 1,
    title: 'Sharper L1',
    description: '',
    state: 'approved',
    documentName: 'proposal:p1',
    readOnly: false,
    author: { id: 'u1', name: 'Ada' },
    baseVersion: 1,
    publishedVersion: 1,
    behindPublished: false,
    restoredFromVersion: null,
    createdAt: '',
    updatedAt: '',
    openedAt: '',
    mergedAt: null,
    mergedVersion: null,
    mergedBy: null,
    closedAt: null,
    closedBy: null,
    approvals: { required: 1, fresh: 1, stale: 0 },
    reviewers: [{ reviewer: { id: 'u2', name: 'Rev' }, verdict: 'approve', fresh: true, body: '', at: '' }],
    comments: { total: 0, unresolvedThreads: 0 },
    fingerprint: 'server-fp',
    ladder: { id: 'l', slug: 'eng', title: 'Engineering ladder', track: 'IC', requiredApprovals: 1 },
    changes: { diff: { ladder: {}, levels: {}, competencies: {}, cells: [] } as never, summary: [] },
    preview: null,
    conflicts: [],
    checks: { canMerge: true, blockers: [] },
    can: { edit: true, publish: true, delete: true, resolve: true },
    ...overrides,
  } as ProposalDetail;
}

function edited(text: string) {
  const content = clone(base);
  content.cells[cellKey('l1', 'c1')] = p(text);
  return content;
}

describe('withLiveDocument', () => {
  it('recomputes the changes from the live content and keeps the verdicts while the state is the one the server saw', () => {
    const live = { content: edited('Ships features.'), fingerprint: 'server-fp' };
    const result = withLiveDocument(detail(), live, { base, published: base });
    expect(result.changes.diff.cells).toHaveLength(1);
    expect(result.changes.summary.length).toBeGreaterThan(0);
    expect(result.state).toBe('approved');
    expect(result.checks.canMerge).toBe(true);
  });

  it('makes every verdict stale once the live document moved past the state the server answered for', () => {
    const live = { content: edited('Ships features alone.'), fingerprint: 'newer-fp' };
    const result = withLiveDocument(detail(), live, { base, published: base });
    expect(result.fingerprint).toBe('newer-fp');
    expect(result.state).toBe('open');
    expect(result.reviewers.every((r) => !r.fresh)).toBe(true);
    expect(result.approvals).toEqual({ required: 1, fresh: 0, stale: 1 });
    expect(result.checks.canMerge).toBe(false);
    expect(result.checks.blockers.map((b) => b.code)).toEqual(['not_enough_approvals']);
  });

  it('says there is nothing to publish when the live document went back to the published content', () => {
    const live = { content: clone(base), fingerprint: 'newer-fp' };
    const result = withLiveDocument(detail({ approvals: { required: 0, fresh: 0, stale: 0 } }), live, {
      base,
      published: base,
    });
    expect(result.checks.blockers.map((b) => b.code)).toEqual(['no_changes']);
  });

  it('finds conflicts with a published line that moved on, from the live content', () => {
    const published = edited('Ships large features.');
    const live = { content: edited('Ships tiny features.'), fingerprint: 'newer-fp' };
    const result = withLiveDocument(detail({ behindPublished: true, publishedVersion: 2 }), live, {
      base,
      published,
    });
    expect(result.conflicts).toHaveLength(1);
    expect(result.checks.blockers.map((b) => b.code)).toContain('conflicts');
  });

  it('leaves a read-only proposal, or one without its live document yet, as the server said', () => {
    const live = { content: edited('x'), fingerprint: 'newer-fp' };
    const frozen = detail({ readOnly: true, state: 'merged' });
    expect(withLiveDocument(frozen, live, { base, published: base })).toBe(frozen);
    const server = detail();
    expect(withLiveDocument(server, null, { base, published: base })).toBe(server);
    expect(withLiveDocument(server, live, { base: undefined, published: base })).toBe(server);
  });
});
