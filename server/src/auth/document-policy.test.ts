import { describe, expect, it } from 'vitest';
import { decideDocumentAccess, type DocumentFacts } from './document-policy.ts';
import { ROLES, type Role, type SessionUser } from './roles.ts';

const user = (role: Role): SessionUser => ({
  id: `u-${role}`,
  email: `${role}@example.com`,
  name: role,
  role,
});
const proposal = (state: string, readOnly = state === 'merged' || state === 'closed'): DocumentFacts => ({
  name: `doc-${state}`,
  ladderId: 'ladder',
  kind: 'proposal',
  readOnly,
  proposalState: state,
});

/** role → [read, write] for a live proposal document in each state. */
const EXPECTED: Record<string, Record<Role, [boolean, boolean]>> = {
  draft: { viewer: [false, false], reviewer: [true, false], editor: [true, true], admin: [true, true] },
  open: { viewer: [false, false], reviewer: [true, false], editor: [true, true], admin: [true, true] },
  changes_requested: {
    viewer: [false, false],
    reviewer: [true, false],
    editor: [true, true],
    admin: [true, true],
  },
  approved: { viewer: [false, false], reviewer: [true, false], editor: [true, true], admin: [true, true] },
  merged: { viewer: [false, false], reviewer: [true, false], editor: [true, false], admin: [true, false] },
  closed: { viewer: [false, false], reviewer: [true, false], editor: [true, false], admin: [true, false] },
};

describe('decideDocumentAccess', () => {
  for (const [state, byRole] of Object.entries(EXPECTED)) {
    for (const role of ROLES) {
      it(`${role} on a ${state} proposal → read ${byRole[role][0]}, write ${byRole[role][1]}`, () => {
        const decision = decideDocumentAccess(user(role), proposal(state));
        expect([decision.read, decision.write]).toEqual(byRole[role]);
        if (!decision.read) expect(decision.code).toBe('forbidden');
      });
    }
  }

  it('refuses anonymous callers and missing documents with what to do', () => {
    expect(decideDocumentAccess(null, proposal('open'))).toMatchObject({
      read: false,
      code: 'unauthenticated',
    });
    expect(decideDocumentAccess(user('admin'), null)).toMatchObject({ read: false, code: 'not_found' });
  });

  it('keeps a read-only document read-only whatever its proposal says', () => {
    expect(decideDocumentAccess(user('editor'), proposal('open', true))).toEqual({
      read: true,
      write: false,
    });
  });

  it('lets every role read a published document, and nobody write it', () => {
    const published: DocumentFacts = { ...proposal('merged'), kind: 'published', proposalState: null };
    for (const role of ROLES)
      expect(decideDocumentAccess(user(role), published)).toEqual({ read: true, write: false });
  });

  it('tells a viewer why', () => {
    const decision = decideDocumentAccess(user('viewer'), proposal('draft'));
    expect(decision).toMatchObject({ read: false, code: 'forbidden' });
    if (!decision.read) expect(decision.reason).toContain('published versions only');
  });
});
