import { describe, expect, it } from 'vitest';
import { cellKey } from '../model/index.ts';
import { detectConflicts } from './conflicts.ts';
import { baseLadder, clone, doc, level, p, para } from './test-fixtures.ts';

/** base, and two forks of it to edit: ours (the proposal) and theirs (the published line). */
function fork() {
  const base = baseLadder();
  return { base, ours: clone(base), theirs: clone(base) };
}

describe('detectConflicts: none', () => {
  it('finds none when nothing changed', () => {
    const { base, ours, theirs } = fork();
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });

  it('finds none when the two sides changed different cells', () => {
    const { base, ours, theirs } = fork();
    ours.cells[cellKey('l1', 'c1')] = p('Ships features.');
    theirs.cells[cellKey('l2', 'c2')] = p('Writes tests.');
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });

  it('finds none when only one side changed a cell', () => {
    const { base, ours, theirs } = fork();
    theirs.cells[cellKey('l1', 'c1')] = p('Ships features.');
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });

  it('finds none when both sides made the same change', () => {
    const { base, ours, theirs } = fork();
    ours.cells[cellKey('l1', 'c1')] = p('Ships features.');
    theirs.cells[cellKey('l1', 'c1')] = doc(para('Ships ', 'features.'));
    ours.levels[0]!.title = 'Associate';
    theirs.levels[0]!.title = 'Associate';
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });

  it('finds none for different levels added on both sides, or a level deleted on one side only', () => {
    const { base, ours, theirs } = fork();
    ours.levels.push(level('l4', 'L4', 'Staff'));
    theirs.levels.push(level('l5', 'L4', 'Principal'));
    theirs.levels.splice(2, 1);
    delete theirs.cells[cellKey('l3', 'c1')];
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });
});

describe('detectConflicts: present', () => {
  it('reports a cell both sides changed differently', () => {
    const { base, ours, theirs } = fork();
    ours.cells[cellKey('l1', 'c1')] = p('Ships features.');
    theirs.cells[cellKey('l1', 'c1')] = p('Ships small features quickly.');
    expect(detectConflicts(base, ours, theirs)).toEqual([
      {
        target: { type: 'cell', key: 'l1:c1', levelId: 'l1', competencyId: 'c1' },
        reason: 'both-changed',
        label: "cell L1 × 'Impact'",
        base: p('Ships small features.'),
        ours: p('Ships features.'),
        theirs: p('Ships small features quickly.'),
      },
    ]);
  });

  it('reports an empty cell both sides filled differently, and one side clearing a cell the other edited', () => {
    const { base, ours, theirs } = fork();
    ours.cells[cellKey('l3', 'c3')] = p('Leads guilds.');
    theirs.cells[cellKey('l3', 'c3')] = p('Runs the offsite.');
    delete ours.cells[cellKey('l2', 'c3')];
    theirs.cells[cellKey('l2', 'c3')] = p('Helps everyone.');
    expect(detectConflicts(base, ours, theirs).map((c) => [c.label, c.base, c.ours, c.theirs])).toEqual([
      ["cell L2 × 'Collaboration'", p('Helps teammates.'), null, p('Helps everyone.')],
      ["cell L3 × 'Collaboration'", null, p('Leads guilds.'), p('Runs the offsite.')],
    ]);
  });

  it('reports ladder, level and competency fields both sides changed differently', () => {
    const { base, ours, theirs } = fork();
    ours.title = 'Eng ladder';
    theirs.title = 'Engineering career ladder';
    ours.levels[2]!.title = 'Senior engineer';
    theirs.levels[2]!.title = 'Senior II';
    ours.levels[0]!.attributes = [{ key: 'Years of experience', value: '0-1' }];
    theirs.levels[0]!.attributes = [{ key: 'Years of experience', value: '0-3' }];
    ours.competencies[1]!.group = 'Engineering';
    theirs.competencies[1]!.group = 'Technical';
    theirs.competencies[1]!.name = 'Craftsmanship'; // only theirs: no conflict
    expect(detectConflicts(base, ours, theirs)).toEqual([
      {
        target: { type: 'ladder', field: 'title' },
        reason: 'both-changed',
        label: 'ladder title',
        base: 'Engineering ladder',
        ours: 'Eng ladder',
        theirs: 'Engineering career ladder',
      },
      {
        target: { type: 'level', levelId: 'l1', field: 'attributes' },
        reason: 'both-changed',
        label: 'attributes of level L1',
        base: [{ key: 'Years of experience', value: '0-2' }],
        ours: [{ key: 'Years of experience', value: '0-1' }],
        theirs: [{ key: 'Years of experience', value: '0-3' }],
      },
      {
        target: { type: 'level', levelId: 'l3', field: 'title' },
        reason: 'both-changed',
        label: 'title of level L3',
        base: 'Senior',
        ours: 'Senior engineer',
        theirs: 'Senior II',
      },
      {
        target: { type: 'competency', competencyId: 'c2', field: 'group' },
        reason: 'both-changed',
        label: "group of competency 'Craftsmanship'",
        base: 'Craft',
        ours: 'Engineering',
        theirs: 'Technical',
      },
    ]);
  });

  it('reports a level one side deleted while the other edited one of its cells', () => {
    const { base, ours, theirs } = fork();
    ours.levels.splice(2, 1);
    delete ours.cells[cellKey('l3', 'c1')];
    theirs.cells[cellKey('l3', 'c1')] = p('Owns large, cross-team projects.');
    expect(detectConflicts(base, ours, theirs)).toEqual([
      {
        target: { type: 'level', levelId: 'l3', field: 'existence' },
        reason: 'deleted-and-changed',
        label: 'level L3',
        base: { id: 'l3', code: 'L3', title: 'Senior' },
        ours: null,
        theirs: { id: 'l3', code: 'L3', title: 'Senior' },
      },
    ]);
  });

  it('reports a competency one side renamed while the other deleted it', () => {
    const { base, ours, theirs } = fork();
    ours.competencies[2]!.name = 'Teamwork';
    theirs.competencies.splice(2, 1);
    delete theirs.cells[cellKey('l2', 'c3')];
    expect(detectConflicts(base, ours, theirs)).toEqual([
      {
        target: { type: 'competency', competencyId: 'c3', field: 'existence' },
        reason: 'deleted-and-changed',
        label: "competency 'Collaboration'",
        base: { id: 'c3', name: 'Collaboration', group: 'Culture' },
        ours: { id: 'c3', name: 'Teamwork', group: 'Culture' },
        theirs: null,
      },
    ]);
  });

  it('reports a level both sides moved to different places, not one both moved alike', () => {
    const { base, ours, theirs } = fork();
    const [l1, l2, l3] = base.levels;
    ours.levels = [clone(l2!), clone(l3!), clone(l1!)];
    theirs.levels = [clone(l2!), clone(l1!), clone(l3!)];
    expect(detectConflicts(base, ours, theirs)).toEqual([
      {
        target: { type: 'level', levelId: 'l1', field: 'position' },
        reason: 'both-changed',
        label: 'position of level L1',
        base: { after: null },
        ours: { after: 'l3' },
        theirs: { after: 'l2' },
      },
    ]);
    theirs.levels = clone(ours.levels);
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });

  it('does not report items two unrelated moves passed by', () => {
    const { base, ours, theirs } = fork();
    const [l1, l2, l3] = base.levels;
    ours.levels = [clone(l3!), clone(l1!), clone(l2!)]; // L3 to the top
    theirs.levels = [clone(l2!), clone(l3!), clone(l1!)]; // L1 to the bottom
    expect(detectConflicts(base, ours, theirs)).toEqual([]);
  });
});
