import { describe, expect, it } from 'vitest';
import { cellKey } from '../model/index.ts';
import { diffLadders, isEmpty } from './ladder-diff.ts';
import { summarizeDiff } from './summarize.ts';
import { baseLadder, bold, clone, competency, doc, level, p, para } from './test-fixtures.ts';
import type { LadderDiff } from './types.ts';

const paragraph = { type: 'paragraph' };

function emptyDiff(): LadderDiff {
  return {
    ladder: {},
    levels: { added: [], removed: [], renamed: [], moved: [], attributes: [], summary: [] },
    competencies: { added: [], removed: [], renamed: [], moved: [], description: [] },
    cells: [],
  };
}

describe('diffLadders: no change', () => {
  it('is empty for a copy of the same ladder', () => {
    const base = baseLadder();
    const diff = diffLadders(base, clone(base));
    expect(diff).toEqual(emptyDiff());
    expect(isEmpty(diff)).toBe(true);
    expect(summarizeDiff(diff)).toEqual([]);
  });

  it('is empty when only the JSON of the text differs (blank cells, split text nodes)', () => {
    const base = baseLadder();
    const head = clone(base);
    head.cells[cellKey('l3', 'c3')] = doc(para());
    head.cells[cellKey('l1', 'c1')] = doc(para('Ships small ', 'features.'));
    expect(isEmpty(diffLadders(base, head))).toBe(true);
  });
});

describe('diffLadders: levels', () => {
  it('reports an added level and its cells', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels.push(level('l4', 'L4', 'Staff'));
    head.cells[cellKey('l4', 'c1')] = p('Sets direction.');
    const diff = diffLadders(base, head);
    expect(diff).toEqual({
      ...emptyDiff(),
      levels: { ...emptyDiff().levels, added: [{ id: 'l4', code: 'L4', title: 'Staff', index: 3 }] },
      cells: [
        {
          key: 'l4:c1',
          levelId: 'l4',
          competencyId: 'c1',
          change: 'added',
          blocks: [
            { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'Sets direction.' }] },
          ],
        },
      ],
    });
    expect(summarizeDiff(diff)).toEqual(['Added level L4']);
    expect(isEmpty(diff)).toBe(false);
  });

  it('reports a removed level and its cells as removed', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels.shift();
    delete head.cells[cellKey('l1', 'c1')];
    delete head.cells[cellKey('l1', 'c2')];
    const diff = diffLadders(base, head);
    expect(diff.levels).toEqual({
      ...emptyDiff().levels,
      removed: [{ id: 'l1', code: 'L1', title: 'Junior', index: 0 }],
    });
    expect(diff.cells.map((c) => [c.key, c.change])).toEqual([
      ['l1:c1', 'removed'],
      ['l1:c2', 'removed'],
    ]);
    expect(diff.cells[0]!.blocks).toEqual([
      { op: 'delete', block: paragraph, segments: [{ kind: 'delete', text: 'Ships small features.' }] },
    ]);
    expect(summarizeDiff(diff)).toEqual(['Removed level L1']);
  });

  it('reports renamed levels with old and new code and title', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels[1]!.code = 'L2a';
    head.levels[2]!.title = 'Senior engineer';
    const diff = diffLadders(base, head);
    expect(diff.levels.renamed).toEqual([
      { id: 'l2', code: 'L2a', title: 'Mid-level', changes: { code: { from: 'L2', to: 'L2a' } } },
      {
        id: 'l3',
        code: 'L3',
        title: 'Senior engineer',
        changes: { title: { from: 'Senior', to: 'Senior engineer' } },
      },
    ]);
    expect(diff.levels.moved).toEqual([]);
    expect(summarizeDiff(diff)).toEqual([
      "Renamed level 'L2' to 'L2a'",
      "Changed title of level L3 from 'Senior' to 'Senior engineer'",
    ]);
  });

  it('reports a single move, not every level it passed', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels = [head.levels[2]!, head.levels[0]!, head.levels[1]!];
    const diff = diffLadders(base, head);
    expect(diff).toEqual({
      ...emptyDiff(),
      levels: { ...emptyDiff().levels, moved: [{ id: 'l3', code: 'L3', title: 'Senior', from: 2, to: 0 }] },
    });
    expect(summarizeDiff(diff)).toEqual(['Moved level L3 from position 3 to 1']);
  });

  it('reports a swap of two neighbours as one move', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels = [head.levels[1]!, head.levels[0]!, head.levels[2]!];
    expect(diffLadders(base, head).levels.moved).toEqual([
      { id: 'l2', code: 'L2', title: 'Mid-level', from: 1, to: 0 },
    ]);
  });

  it('reports a move to the end', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels.push(head.levels.shift()!);
    expect(diffLadders(base, head).levels.moved).toEqual([
      { id: 'l1', code: 'L1', title: 'Junior', from: 0, to: 2 },
    ]);
  });

  it('reports attribute and summary changes', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels[2]!.attributes = [
      { key: 'Scope', value: 'Team' },
      { key: 'Years of experience', value: '6+' },
    ];
    head.levels[0]!.summary = p('Learns the codebase.');
    const diff = diffLadders(base, head);
    expect(diff.levels.attributes).toEqual([
      {
        id: 'l3',
        code: 'L3',
        title: 'Senior',
        added: [{ key: 'Scope', value: 'Team' }],
        removed: [],
        changed: [{ key: 'Years of experience', from: '5+', to: '6+' }],
        reordered: false,
      },
    ]);
    expect(diff.levels.summary).toEqual([
      {
        id: 'l1',
        code: 'L1',
        title: 'Junior',
        blocks: [
          { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'Learns the codebase.' }] },
        ],
      },
    ]);
    expect(summarizeDiff(diff)).toEqual([
      "Set 'Scope' of level L3 to 'Team'",
      "Changed 'Years of experience' of level L3 from '5+' to '6+'",
      'Changed summary of level L1',
    ]);
  });

  it('reports removed and reordered attributes', () => {
    const base = baseLadder();
    base.levels[0]!.attributes = [
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
      { key: 'C', value: '3' },
    ];
    const head = clone(base);
    head.levels[0]!.attributes = [
      { key: 'C', value: '3' },
      { key: 'A', value: '1' },
    ];
    const [change] = diffLadders(base, head).levels.attributes;
    expect(change).toEqual({
      id: 'l1',
      code: 'L1',
      title: 'Junior',
      added: [],
      removed: [{ key: 'B', value: '2' }],
      changed: [],
      reordered: true,
    });
  });
});

describe('diffLadders: competencies', () => {
  it('reports added, removed, renamed, regrouped and moved competencies', () => {
    const base = baseLadder();
    const head = clone(base);
    const [impact, craft] = head.competencies;
    impact!.name = 'Business impact';
    craft!.group = 'Engineering';
    craft!.description = p('How well you build.');
    // c3 removed (with its cell), c4 added in the middle, Impact moved to the end.
    head.competencies = [craft!, competency('c4', 'Direction', 'Direction'), impact!];
    delete head.cells[cellKey('l2', 'c3')];
    const diff = diffLadders(base, head);
    expect(diff.competencies).toEqual({
      added: [{ id: 'c4', name: 'Direction', group: 'Direction', index: 1 }],
      removed: [{ id: 'c3', name: 'Collaboration', group: 'Culture', index: 2 }],
      renamed: [
        {
          id: 'c2',
          name: 'Craft',
          group: 'Engineering',
          changes: { group: { from: 'Craft', to: 'Engineering' } },
        },
        {
          id: 'c1',
          name: 'Business impact',
          group: 'Results',
          changes: { name: { from: 'Impact', to: 'Business impact' } },
        },
      ],
      moved: [{ id: 'c1', name: 'Business impact', group: 'Results', from: 0, to: 2 }],
      description: [
        {
          id: 'c2',
          name: 'Craft',
          group: 'Engineering',
          blocks: [
            { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'How well you build.' }] },
          ],
        },
      ],
    });
    expect(diff.cells.map((c) => [c.key, c.change])).toEqual([['l2:c3', 'removed']]);
    expect(summarizeDiff(diff)).toEqual([
      "Added competency 'Direction'",
      "Removed competency 'Collaboration'",
      "Moved competency 'Craft' to group 'Engineering'",
      "Renamed competency 'Impact' to 'Business impact'",
      "Moved competency 'Business impact' from position 1 to 3",
      "Changed description of competency 'Craft'",
    ]);
  });
});

describe('diffLadders: cells', () => {
  it('gives a word-level diff per changed cell, in matrix order', () => {
    const base = baseLadder();
    const head = clone(base);
    head.cells[cellKey('l1', 'c1')] = p('Ships small features independently.');
    head.cells[cellKey('l2', 'c1')] = doc(para('Owns ', bold('medium'), ' projects.'));
    head.cells[cellKey('l2', 'c2')] = p('Writes tests. Mentors juniors.');
    head.cells[cellKey('l3', 'c2')] = p('Sets coding standards.');
    delete head.cells[cellKey('l2', 'c3')];
    const diff = diffLadders(base, head);
    expect(diff).toEqual({
      ...emptyDiff(),
      cells: [
        {
          key: 'l1:c1',
          levelId: 'l1',
          competencyId: 'c1',
          change: 'changed',
          blocks: [
            {
              op: 'change',
              block: paragraph,
              segments: [
                { kind: 'equal', text: 'Ships small features' },
                { kind: 'insert', text: ' independently' },
                { kind: 'equal', text: '.' },
              ],
            },
          ],
        },
        {
          key: 'l2:c1',
          levelId: 'l2',
          competencyId: 'c1',
          change: 'changed',
          blocks: [
            {
              op: 'change',
              block: paragraph,
              segments: [
                { kind: 'equal', text: 'Owns ' },
                { kind: 'delete', text: 'small', marks: [{ type: 'bold' }] },
                { kind: 'insert', text: 'medium', marks: [{ type: 'bold' }] },
                { kind: 'equal', text: ' projects.' },
              ],
            },
          ],
        },
        {
          key: 'l2:c2',
          levelId: 'l2',
          competencyId: 'c2',
          change: 'changed',
          blocks: [
            {
              op: 'change',
              block: paragraph,
              segments: [
                { kind: 'equal', text: 'Writes tests. ' },
                { kind: 'delete', text: 'Reviews code. ' },
                { kind: 'equal', text: 'Mentors juniors.' },
              ],
            },
          ],
        },
        {
          key: 'l2:c3',
          levelId: 'l2',
          competencyId: 'c3',
          change: 'removed',
          blocks: [
            { op: 'delete', block: paragraph, segments: [{ kind: 'delete', text: 'Helps teammates.' }] },
          ],
        },
        {
          key: 'l3:c2',
          levelId: 'l3',
          competencyId: 'c2',
          change: 'added',
          blocks: [
            {
              op: 'insert',
              block: paragraph,
              segments: [{ kind: 'insert', text: 'Sets coding standards.' }],
            },
          ],
        },
      ],
    });
    expect(summarizeDiff(diff)).toEqual([
      'Filled 1 cell that was empty',
      'Cleared 1 cell',
      'Changed 3 cells',
    ]);
  });

  it('treats a cell emptied to a blank paragraph as removed', () => {
    const base = baseLadder();
    const head = clone(base);
    head.cells[cellKey('l3', 'c1')] = doc(para());
    expect(diffLadders(base, head).cells.map((c) => [c.key, c.change])).toEqual([['l3:c1', 'removed']]);
  });

  it('follows the head order of levels and competencies', () => {
    const base = baseLadder();
    const head = clone(base);
    head.levels.reverse();
    head.cells[cellKey('l1', 'c1')] = p('Ships features.');
    head.cells[cellKey('l3', 'c1')] = p('Owns very large projects.');
    expect(diffLadders(base, head).cells.map((c) => c.key)).toEqual(['l3:c1', 'l1:c1']);
  });
});

describe('diffLadders: ladder fields', () => {
  it('reports title, track and description changes', () => {
    const base = baseLadder();
    const head = clone(base);
    head.title = 'Engineering career ladder';
    head.track = '';
    head.description = p('How we grow engineers.');
    const diff = diffLadders(base, head);
    expect(diff.ladder).toEqual({
      title: { from: 'Engineering ladder', to: 'Engineering career ladder' },
      track: { from: 'IC', to: '' },
      description: [
        { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'How we grow engineers.' }] },
      ],
    });
    expect(summarizeDiff(diff)).toEqual([
      "Renamed ladder 'Engineering ladder' to 'Engineering career ladder'",
      "Cleared track 'IC'",
      'Changed ladder description',
    ]);
  });
});

describe('diffLadders: the result is plain JSON', () => {
  it('survives a JSON round trip unchanged', () => {
    const base = baseLadder();
    const head = clone(base);
    head.title = 'New';
    head.levels.reverse();
    head.levels[0]!.code = 'L3+';
    head.cells[cellKey('l2', 'c1')] = p('Owns projects.');
    const diff = diffLadders(base, head);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    expect(JSON.stringify(diff)).not.toContain('undefined');
  });
});
