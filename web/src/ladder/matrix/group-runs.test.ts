import { describe, expect, it } from 'vitest';
import { groupRuns } from './group-runs.ts';

const c = (id: string, group: string) => ({ id, group });

describe('groupRuns', () => {
  it('has no runs for no competencies', () => {
    expect(groupRuns([])).toEqual([]);
  });

  it('keeps consecutive competencies of one group in one run, with their index in the whole list', () => {
    const runs = groupRuns([c('a', 'Craft'), c('b', 'Craft'), c('d', 'Impact')]);
    expect(runs).toEqual([
      {
        group: 'Craft',
        items: [
          { item: c('a', 'Craft'), index: 0 },
          { item: c('b', 'Craft'), index: 1 },
        ],
      },
      { group: 'Impact', items: [{ item: c('d', 'Impact'), index: 2 }] },
    ]);
  });

  it('starts a new run when a group comes back after another, keeping the ladder order', () => {
    const runs = groupRuns([c('a', 'Craft'), c('b', 'Impact'), c('d', 'Craft')]);
    expect(runs.map((r) => [r.group, r.items.map((i) => i.item.id)])).toEqual([
      ['Craft', ['a']],
      ['Impact', ['b']],
      ['Craft', ['d']],
    ]);
  });

  it('puts ungrouped competencies in runs of the empty group', () => {
    const runs = groupRuns([c('a', ''), c('b', ''), c('d', 'Craft'), c('e', '')]);
    expect(runs.map((r) => [r.group, r.items.map((i) => i.index)])).toEqual([
      ['', [0, 1]],
      ['Craft', [2]],
      ['', [3]],
    ]);
  });

  it('hands back the items themselves, not copies', () => {
    const item = c('a', 'Craft');
    expect(groupRuns([item])[0]!.items[0]!.item).toBe(item);
  });
});
