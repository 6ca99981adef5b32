import { describe, expect, it } from 'vitest';
import { cellKey } from '../model/index.ts';
import { baseLadder, clone, level, p } from './test-fixtures.ts';
import { mergeUpdateFromPublished, planUpdateFromPublished, UpdateResolutionError } from './update-plan.ts';

/** base, the published line moved on from it, and the proposal (mine) forked at base. */
function fork() {
  const base = baseLadder();
  return { base, published: clone(base), mine: clone(base) };
}

const L1C1 = cellKey('l1', 'c1');
const L2C2 = cellKey('l2', 'c2');

describe('planUpdateFromPublished', () => {
  it('takes one-sided changes from either side without conflicts', () => {
    const { base, published, mine } = fork();
    published.cells[L1C1] = p('Ships features, published.');
    mine.cells[L2C2] = p('Mine.');
    published.levels[2]!.title = 'Staff';
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fromPublished).toEqual(['title of level L3', "cell L1 × 'Impact'"]);
    const merged = mergeUpdateFromPublished(base, published, mine, {});
    expect(merged.cells[L1C1]).toEqual(p('Ships features, published.'));
    expect(merged.cells[L2C2]).toEqual(p('Mine.'));
    expect(merged.levels[2]!.title).toBe('Staff');
  });

  it('offers a cell both sides changed as a conflict, with both texts', () => {
    const { base, published, mine } = fork();
    published.cells[L1C1] = p('Published text.');
    mine.cells[L1C1] = p('My text.');
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.fromPublished).toEqual([]);
    expect(plan.conflicts).toEqual([
      {
        id: `cell:${L1C1}`,
        kind: 'rich',
        reason: 'both-changed',
        label: "cell L1 × 'Impact'",
        combinable: true,
        base: 'Ships small features.',
        mine: 'My text.',
        published: 'Published text.',
      },
    ]);
  });

  it('resolves a cell conflict each way', () => {
    const { base, published, mine } = fork();
    published.cells[L1C1] = p('Published text.');
    mine.cells[L1C1] = p('My text.');
    const id = `cell:${L1C1}`;
    const merge = (r: Parameters<typeof mergeUpdateFromPublished>[3]) =>
      mergeUpdateFromPublished(base, published, mine, r).cells[L1C1];
    expect(merge({ [id]: { choice: 'mine' } })).toEqual(p('My text.'));
    expect(merge({ [id]: { choice: 'published' } })).toEqual(p('Published text.'));
    expect(merge({ [id]: { choice: 'combined', text: 'My text.\n\nPublished text.' } })).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'My text.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Published text.' }] },
      ],
    });
  });

  it('refuses to merge while a conflict has no resolution, or a combined one for a position', () => {
    const { base, published, mine } = fork();
    published.cells[L1C1] = p('Published text.');
    mine.cells[L1C1] = p('My text.');
    expect(() => mergeUpdateFromPublished(base, published, mine, {})).toThrow(UpdateResolutionError);
    expect(() =>
      mergeUpdateFromPublished(base, published, mine, {
        [`cell:${L1C1}`]: { choice: 'mine' },
        'level:l1:title': { choice: 'mine' },
      }),
    ).toThrow(/no longer exist/);
  });

  it('makes a level renamed on one side and removed on the other a choice', () => {
    const { base, published, mine } = fork();
    mine.levels[1]!.title = 'Intermediate';
    published.levels.splice(1, 1);
    for (const key of Object.keys(published.cells)) if (key.startsWith('l2:')) delete published.cells[key];
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.conflicts.map((c) => [c.id, c.kind, c.mine, c.published])).toEqual([
      ['level:l2:existence', 'existence', 'Kept as L2 · Intermediate', 'Removed'],
    ]);
    const id = 'level:l2:existence';
    const kept = mergeUpdateFromPublished(base, published, mine, { [id]: { choice: 'mine' } });
    expect(kept.levels.map((l) => l.title)).toEqual(['Junior', 'Intermediate', 'Senior']);
    expect(kept.cells[L2C2]).toEqual(base.cells[L2C2]);
    const removed = mergeUpdateFromPublished(base, published, mine, { [id]: { choice: 'published' } });
    expect(removed.levels.map((l) => l.id)).toEqual(['l1', 'l3']);
    expect(removed.cells[L2C2]).toBeUndefined();
    expect(() =>
      mergeUpdateFromPublished(base, published, mine, { [id]: { choice: 'combined', text: 'x' } }),
    ).toThrow(/only possible for text/);
  });

  it('removes what one side removed and the other left alone; keeps rows added on either side in place', () => {
    const { base, published, mine } = fork();
    published.levels.splice(2, 1);
    delete published.cells[cellKey('l3', 'c1')];
    published.levels.splice(1, 0, level('p1', 'P1', 'From published'));
    mine.levels.splice(0, 0, level('m1', 'M1', 'From mine'));
    mine.competencies.splice(1, 1);
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fromPublished).toEqual(['removed level L3', 'added level P1']);
    const merged = mergeUpdateFromPublished(base, published, mine, {});
    expect(merged.levels.map((l) => l.id)).toEqual(['m1', 'l1', 'p1', 'l2']);
    expect(merged.competencies.map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('follows a move of the published line and keeps the proposal’s own', () => {
    const { base, published, mine } = fork();
    published.levels = [published.levels[2]!, published.levels[0]!, published.levels[1]!];
    mine.competencies = [mine.competencies[1]!, mine.competencies[0]!, mine.competencies[2]!];
    const merged = mergeUpdateFromPublished(base, published, mine, {});
    expect(merged.levels.map((l) => l.id)).toEqual(['l3', 'l1', 'l2']);
    expect(merged.competencies.map((c) => c.id)).toEqual(['c2', 'c1', 'c3']);
  });

  it('resolves ladder title and level attribute conflicts', () => {
    const { base, published, mine } = fork();
    published.title = 'Published title';
    mine.title = 'My title';
    published.levels[0]!.attributes = [{ key: 'Years', value: '1' }];
    mine.levels[0]!.attributes = [{ key: 'Years', value: '2' }];
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.conflicts.map((c) => [c.id, c.kind, c.combinable])).toEqual([
      ['ladder:title', 'text', true],
      ['level:l1:attributes', 'attributes', false],
    ]);
    const merged = mergeUpdateFromPublished(base, published, mine, {
      'ladder:title': { choice: 'combined', text: 'Both\ntitles' },
      'level:l1:attributes': { choice: 'published' },
    });
    expect(merged.title).toBe('Both titles');
    expect(merged.levels[0]!.attributes).toEqual([{ key: 'Years', value: '1' }]);
  });

  it('names the neighbours of a position both sides changed', () => {
    const { base, published, mine } = fork();
    published.levels = [published.levels[2]!, published.levels[0]!, published.levels[1]!];
    mine.levels = [mine.levels[0]!, mine.levels[2]!, mine.levels[1]!];
    const plan = planUpdateFromPublished(base, published, mine);
    expect(plan.conflicts.map((c) => [c.id, c.mine, c.published])).toEqual([
      ['level:l3:position', 'After L1', 'First'],
    ]);
    const merged = mergeUpdateFromPublished(base, published, mine, {
      'level:l3:position': { choice: 'published' },
    });
    expect(merged.levels.map((l) => l.id)).toEqual(['l3', 'l1', 'l2']);
  });
});
