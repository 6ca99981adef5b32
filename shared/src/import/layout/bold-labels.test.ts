import { describe, expect, it } from 'vitest';
import { importLadder } from '../import-ladder.ts';

const doc = (body: string) => `# Ladder\n\n${body}`;

describe('bold paragraphs as competency labels', () => {
  it('reads bold paragraphs followed by bullets as competencies, the first paragraph as the summary', () => {
    const { content, warnings } = importLadder(
      doc(
        '## Junior\n\nLearns the ropes.\n\n**Customer focus:**\n\n- Answers quickly.\n\n**Craft**\n\n- Ships small fixes.\n\n## Senior\n\nLeads.\n\n**Customer focus**\n\n- Runs reviews.\n',
      ),
    );
    expect(content.competencies.map((c) => c.name)).toEqual(['Customer focus', 'Craft']);
    expect(JSON.stringify(content.levels[0]!.summary)).toContain('Learns the ropes.');
    expect(JSON.stringify(Object.values(content.cells))).not.toContain('Learns the ropes.');
    expect(warnings.map((w) => w.code)).toContain('bold_labels');
  });

  it('leaves a single bold paragraph, bold sentences and bold text in sections with sub-headings alone', () => {
    const one = importLadder(doc('## Junior\n\n**Note**\n\n- Answers quickly.\n\n## Senior\n\n- Leads.\n'));
    expect(one.warnings.map((w) => w.code)).not.toContain('bold_labels');
    const sentences = importLadder(
      doc('## Junior\n\n**Be kind.**\n\n- a\n\n**Be fast.**\n\n- b\n\n## Senior\n\n- c\n'),
    );
    expect(sentences.warnings.map((w) => w.code)).not.toContain('bold_labels');
    const nested = importLadder(
      doc('## Junior\n\n**Scope**\n\nSmall.\n\n**Reach**\n\nTeam.\n\n### Craft\n\n- Ships.\n'),
    );
    expect(nested.content.competencies.map((c) => c.name)).toEqual(['Craft']);
  });
});
