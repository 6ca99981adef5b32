import { describe, expect, it } from 'vitest';
import { plainText } from '../../model/index.ts';
import { importLadder } from '../import-ladder.ts';

const framework = (head: string, topics: string) => `---\n${head}topics:\n${topics}---\n`;

describe('framework topics in YAML front matter', () => {
  it('names levels from `levels:` and from string `level:` values', () => {
    const named = importLadder(
      framework(
        'title: Ops\nlevels: [Junior, Senior]\n',
        '  - name: on_call\n    content:\n      - level: 1\n        criteria: [Joins the rota.]\n      - level: 2\n        criteria: [Runs the rota.]\n',
      ),
    );
    expect(named.layout).toBe('framework-topics');
    expect(named.content.levels.map((l) => l.code || l.title)).toEqual(['Junior', 'Senior']);
    expect(named.content.competencies.map((c) => c.name)).toEqual(['On call']);
    const strings = importLadder(
      framework(
        '',
        '  - title: Craft\n    content:\n      - level: Staff Engineer\n        criteria:\n          - Sets direction.\n',
      ),
    );
    expect(strings.content.levels.map((l) => l.title)).toEqual(['Staff Engineer']);
  });

  it('keeps examples as a sub-list under the criteria and topic descriptions as competency descriptions', () => {
    const { content } = importLadder(
      framework(
        '',
        '  - title: Craft\n    description: Building things well.\n    content:\n      - level: 1\n        criteria: [Ships.]\n        examples: [Shipped the login page.]\n',
      ),
    );
    const cell = Object.values(content.cells)[0]!;
    expect(cell.content?.[0]?.type).toBe('bulletList');
    const last = cell.content![0]!.content!.at(-1)!;
    expect(last.content?.[1]?.type).toBe('bulletList');
    expect(plainText(content.competencies[0]!.description)).toBe('Building things well.');
  });

  it('reads ordinary front matter as before', () => {
    const r = importLadder(
      '---\ntitle: X\ntopics: none\n---\n\n## L1\n\n### Craft\n\n- Ships.\n\n## L2\n\n### Craft\n\n- Leads.\n',
    );
    expect(r.layout).toBe('headings');
  });
});
