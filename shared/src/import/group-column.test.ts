import { describe, expect, it } from 'vitest';
import { importLadder } from './import-ladder.ts';

const groupsOf = (text: string, filename: string) => {
  const { content, warnings } = importLadder(text, { filename });
  return {
    levels: content.levels.map((l) => [l.code, l.title]),
    competencies: content.competencies.map((c) => [c.group, c.name]),
    warnings,
  };
};

describe('a group column beside the competency column becomes competency groups, not a level', () => {
  const rows = [
    ['Testing', 'Craft', 'Writes tests', 'Designs test strategy'],
    ['Code review', 'Craft', 'Reviews code', 'Mentors reviewers'],
    ['Delivery', 'Impact', 'Ships tasks', 'Ships projects'],
  ];
  const expected = {
    levels: [
      ['D1', 'Developer'],
      ['D2', 'Senior Developer'],
    ],
    competencies: [
      ['Craft', 'Testing'],
      ['Craft', 'Code review'],
      ['Impact', 'Delivery'],
    ],
    warnings: [],
  };

  for (const groupHeader of ['Group', 'category', 'AREA', 'Pillar', 'Theme']) {
    it(`CSV with a “${groupHeader}” column after the competency`, () => {
      const csv = [
        `Competency,${groupHeader},"D1 Developer","D2 Senior Developer"`,
        ...rows.map((r) => r.join(',')),
      ];
      expect(groupsOf(csv.join('\n'), 'wide.csv')).toEqual(expected);
    });
  }

  it('TSV with the group column first', () => {
    const tsv = [
      'Group\tCompetency\tD1 Developer\tD2 Senior Developer',
      ...rows.map((r) => [r[1], r[0], r[2], r[3]].join('\t')),
    ];
    expect(groupsOf(tsv.join('\n'), 'wide.tsv')).toEqual(expected);
  });

  it('a column without a telling header whose short values repeat', () => {
    const csv = ['Competency,Kind,D1 Developer,D2 Senior Developer', ...rows.map((r) => r.join(','))];
    expect(groupsOf(csv.join('\n'), 'wide.csv')).toEqual(expected);
  });

  it('a second column of unique values is still a level', () => {
    const csv =
      'Competency,Junior,Senior\nTesting,Writes tests,Designs test strategy\nDelivery,Ships tasks,Ships projects\n';
    expect(groupsOf(csv, 'plain.csv').levels.map((l) => l.join(' ').trim())).toEqual(['Junior', 'Senior']);
  });
});
