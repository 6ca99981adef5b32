import { describe, expect, it } from 'vitest';
import { diffLadders, docFromParagraphs, type LadderContent } from '@rungs/shared';
import { testLadder } from '../../../tests/helpers/ladders.ts';
import { diffLayout, isEmptyDiff, reconstructHead } from './diff-layout.ts';

const clone = (c: LadderContent): LadderContent => structuredClone(c);

/** What reconstructHead rebuilds: the structure (the diff matrix takes text from the cell diffs). */
const structure = (c: LadderContent) => ({
  title: c.title,
  track: c.track,
  levels: c.levels.map(({ id, code, title }) => ({ id, code, title })),
  competencies: c.competencies.map(({ id, name, group }) => ({ id, name, group })),
});

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

describe('reconstructHead', () => {
  const base = testLadder(3, 3);
  base.cells['L2:C2'] = docFromParagraphs('Already there.');

  for (const [name, change] of Object.entries(changes)) {
    it(`rebuilds the head's structure from the base and the diff: ${name}`, () => {
      const head = clone(base);
      change(head);
      const rebuilt = reconstructHead(base, diffLadders(base, head), head);
      expect(structure(rebuilt)).toEqual(structure(head));
    });
  }

  it('rebuilds every change at once', () => {
    const head = clone(base);
    for (const change of Object.values(changes)) change(head);
    const rebuilt = reconstructHead(base, diffLadders(base, head), head);
    expect(structure(rebuilt)).toEqual(structure(head));
  });
});

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
