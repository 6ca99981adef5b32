import { describe, expect, it } from 'vitest';
import { cellKey, plainText, type LadderContent } from '../model/index.ts';
import { importLadder } from './import-ladder.ts';
import { splitCompetency, splitLabels } from './split-sections.ts';

const DOCUMENT = `# Platform ladder

## L1 Engineer

Technical skills:

Writes well-tested code for one service.

Collaboration:

Asks for reviews early.

## L2 Senior Engineer

**Technical skills:** Designs services other teams build on.

**Collaboration:** Leads reviews across teams.

**Leadership**

Mentors two engineers.
`;

function cellTexts(content: LadderContent): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const c of content.competencies) {
    out[c.name] = {};
    for (const l of content.levels) {
      const cell = content.cells[cellKey(l.id, c.id)];
      if (cell) out[c.name]![l.code] = plainText(cell).trim();
    }
  }
  return out;
}

describe('Split: one competency per labelled section', () => {
  const imported = () => {
    const { content } = importLadder(DOCUMENT, { filename: 'ladder.md' });
    // The document has no competencies the importer recognises: one “Expectations” holds everything.
    expect(content.competencies.map((c) => c.name)).toEqual(['Expectations']);
    return content;
  };

  it('finds labels written as “Label:”, bold labels with a colon and bold labels alone, in order', () => {
    const content = imported();
    expect(splitLabels(content, content.competencies[0]!.id)).toEqual([
      'Technical skills',
      'Collaboration',
      'Leadership',
    ]);
  });

  it('moves each level’s text under a label into that label’s competency', () => {
    const content = imported();
    const split = splitCompetency(content, content.competencies[0]!.id);
    expect(cellTexts(split)).toEqual({
      'Technical skills': {
        L1: 'Writes well-tested code for one service.',
        L2: 'Designs services other teams build on.',
      },
      Collaboration: { L1: 'Asks for reviews early.', L2: 'Leads reviews across teams.' },
      Leadership: { L2: 'Mentors two engineers.' },
    });
    expect(Object.keys(split.cells)).toHaveLength(5);
    expect(content.competencies).toHaveLength(1); // the input is left as it was
  });

  it('keeps text before the first label in the original competency', () => {
    const content = importLadder(
      DOCUMENT.replace('## L1 Engineer\n', '## L1 Engineer\n\nNew to the team.\n'),
      {
        filename: 'ladder.md',
      },
    ).content;
    const split = splitCompetency(content, content.competencies[0]!.id);
    expect(split.competencies.map((c) => c.name)).toEqual([
      'Expectations',
      'Technical skills',
      'Collaboration',
      'Leadership',
    ]);
    expect(cellTexts(split).Expectations).toEqual({ L1: 'New to the team.' });
  });

  it('offers nothing to split in text without labels', () => {
    const content = importLadder('## L1\n\nWrites code.\n\n## L2\n\nDesigns systems.\n', {
      filename: 'x.md',
    }).content;
    const id = content.competencies[0]!.id;
    expect(splitLabels(content, id)).toEqual([]);
    expect(splitCompetency(content, id)).toBe(content);
  });
});
