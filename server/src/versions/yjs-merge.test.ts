import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plainText, readLadderContent, type LadderContent } from '@rungs/shared';
import { smallLadder, stateOf } from './merge-fixtures.ts';
import { applyOnto, forkWithContent, proposalDelta } from './yjs-merge.ts';

const ladder = smallLadder;

function edit(state: Uint8Array, content: LadderContent): Uint8Array {
  return forkWithContent(state, content);
}

describe('publishing a proposal onto the published line', () => {
  it('applies each fork’s own delta, so two forks of v1 both land', () => {
    const v1 = stateOf(ladder());
    const a = edit(v1, ladder({ 'L1:C1': 'From A' }));
    const b = edit(v1, ladder({ 'L2:C1': 'From B' }));
    const v2 = applyOnto(v1, proposalDelta(a, v1));
    const v3 = applyOnto(v2.state, proposalDelta(b, v1));
    expect(plainText(v3.content.cells['L1:C1']!)).toBe('From A');
    expect(plainText(v3.content.cells['L2:C1']!)).toBe('From B');
  });

  it('a first proposal (no base) publishes its whole state', () => {
    const first = stateOf(ladder({ 'L1:C1': 'Start' }));
    const v1 = applyOnto(null, proposalDelta(first, null));
    expect(v1.content).toEqual(ladder({ 'L1:C1': 'Start' }));
  });

  it('a fork with the content of an old version restores it when merged', () => {
    const v1content = ladder({ 'L1:C1': 'Old' });
    const v1 = stateOf(v1content);
    const v2 = applyOnto(v1, proposalDelta(edit(v1, ladder({ 'L1:C1': 'New', 'L2:C1': 'More' })), v1));
    const restore = forkWithContent(v2.state, v1content);
    const v3 = applyOnto(v2.state, proposalDelta(restore, v2.state));
    expect(v3.content).toEqual(v1content);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, restore);
    expect(readLadderContent(doc)).toEqual(v1content);
  });
});
