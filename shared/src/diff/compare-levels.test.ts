import { describe, expect, it } from 'vitest';
import { cellKey } from '../model/index.ts';
import { compareLevels } from './compare-levels.ts';
import { bold, competency, doc, ladder, level, p, para } from './test-fixtures.ts';

const paragraph = { type: 'paragraph' };

function twoLevels() {
  return ladder({
    levels: [level('l4', 'L4', 'Senior'), level('l5', 'L5', 'Staff')],
    competencies: [
      competency('c1', 'Delivery', 'Results'),
      competency('c2', 'Craft'),
      competency('c3', 'Mentoring'),
      competency('c4', 'Hiring'),
      competency('c5', 'Budget'),
    ],
    cells: {
      [cellKey('l4', 'c1')]: p('Delivers features independently. Writes tests.'),
      [cellKey('l5', 'c1')]: p('Delivers projects independently. Writes tests. Mentors others.'),
      [cellKey('l4', 'c2')]: doc(para('Follows ', bold('team'), ' standards.')),
      [cellKey('l5', 'c2')]: doc(para('Follows ', bold('team'), ' standards.')),
      [cellKey('l5', 'c3')]: p('Mentors two engineers.'),
      [cellKey('l4', 'c4')]: p('Joins interview loops.'),
    },
  });
}

describe('compareLevels', () => {
  it('marks, word by word, what the higher level adds', () => {
    const result = compareLevels(twoLevels(), 'l4', 'l5');
    expect(result.lower).toEqual({ id: 'l4', code: 'L4', title: 'Senior' });
    expect(result.higher).toEqual({ id: 'l5', code: 'L5', title: 'Staff' });
    expect(result.rows.map((r) => [r.competency.name, r.status])).toEqual([
      ['Delivery', 'changed'],
      ['Craft', 'same'],
      ['Mentoring', 'new'],
      ['Hiring', 'dropped'],
      ['Budget', 'empty'],
    ]);
    const [delivery, craft, mentoring, hiring, budget] = result.rows;
    expect(delivery).toEqual({
      competency: { id: 'c1', name: 'Delivery', group: 'Results' },
      lower: p('Delivers features independently. Writes tests.'),
      higher: p('Delivers projects independently. Writes tests. Mentors others.'),
      status: 'changed',
      newInHigher: [
        {
          op: 'change',
          block: paragraph,
          segments: [
            { kind: 'equal', text: 'Delivers ' },
            { kind: 'insert', text: 'projects' },
            { kind: 'equal', text: ' independently. Writes tests.' },
            { kind: 'insert', text: ' Mentors others.' },
          ],
        },
      ],
    });
    expect(craft!.newInHigher).toEqual([
      {
        op: 'equal',
        block: paragraph,
        segments: [
          { kind: 'equal', text: 'Follows ' },
          { kind: 'equal', text: 'team', marks: [{ type: 'bold' }] },
          { kind: 'equal', text: ' standards.' },
        ],
      },
    ]);
    expect(mentoring!.newInHigher).toEqual([
      { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'Mentors two engineers.' }] },
    ]);
    expect(hiring).toMatchObject({ lower: p('Joins interview loops.'), higher: null, newInHigher: [] });
    expect(budget).toEqual({
      competency: { id: 'c5', name: 'Budget', group: '' },
      lower: null,
      higher: null,
      status: 'empty',
      newInHigher: [],
    });
  });

  it('can mark whole new sentences instead of words', () => {
    const [delivery] = compareLevels(twoLevels(), 'l4', 'l5', { granularity: 'sentence' }).rows;
    expect(delivery!.newInHigher).toEqual([
      {
        op: 'change',
        block: paragraph,
        segments: [
          { kind: 'insert', text: 'Delivers projects independently.' },
          { kind: 'equal', text: ' Writes tests.' },
          { kind: 'insert', text: ' Mentors others.' },
        ],
      },
    ]);
  });

  it('shows a block that only lost words as nothing new', () => {
    const content = twoLevels();
    content.cells[cellKey('l5', 'c2')] = p('Follows standards.');
    content.cells[cellKey('l4', 'c2')] = p('Follows team standards.');
    expect(compareLevels(content, 'l4', 'l5').rows[1]).toMatchObject({
      status: 'changed',
      newInHigher: [
        { op: 'equal', block: paragraph, segments: [{ kind: 'equal', text: 'Follows standards.' }] },
      ],
    });
  });

  it('refuses a level that is not in the ladder', () => {
    expect(() => compareLevels(twoLevels(), 'l4', 'nope')).toThrow('No level with id nope');
  });
});
