import { describe, expect, it } from 'vitest';
import { diffLadders, docFromParagraphs, type LadderContent } from '@rungs/shared';
import { testLadder } from '../../../tests/helpers/ladders.ts';
import { diffLayout, isEmptyDiff } from './diff-layout.ts';

const clone = (c: LadderContent): LadderContent => structuredClone(c);

/** Each change a proposal can make, applied to a copy of `base`. */
const changes: Record<string, (head: LadderContent) => void> = {
  'a cell written': (h) => (h.cells['L1:C1'] = docFromParagraphs('Writes clear code.')),
  'a level renamed': (h) => (h.levels[1]!.title = 'Senior tester'),
  'a level added': (h) =>
    h.levels.push({
      id: 'L9',
      code: 'T9',
      title: 'Principal',
      summary: docFromParagraphs('Sets direction.'),
      attributes: [],
    }),
  'a competency removed': (h) => h.competencies.splice(1, 1),
  'a competency moved to another group': (h) => (h.competencies[0]!.group = 'Odd'),
  'the title changed': (h) => (h.title = 'Renamed ladder'),
};

describe('diffLayout', () => {
  it('keeps removed competencies in place, marked removed, and marks added levels', () => {
    const base = testLadder(2, 3);
    const head = clone(base);
    changes['a competency removed']!(head);
    changes['a level added']!(head);
    const layout = diffLayout(base, head, diffLadders(base, head));
    const rows = layout.rows.map((r) => [r.id, r.status]);
    expect(rows).toEqual([
      ['C1', 'same'],
      ['C2', 'removed'],
      ['C3', 'same'],
    ]);
    expect(layout.columns.map((c) => [c.id, c.status])).toEqual([
      ['L1', 'same'],
      ['L2', 'same'],
      ['L9', 'added'],
    ]);
  });

  it('is empty for a ladder compared with itself', () => {
    const base = testLadder(2, 2);
    expect(isEmptyDiff(diffLadders(base, clone(base)))).toBe(true);
  });
});
