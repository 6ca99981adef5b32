import { describe, expect, it } from 'vitest';
import { docFromBullets, docFromParagraphs, emptyLadderContent, type LadderContent } from '../model/index.ts';
import { normalizeText } from './normalize.ts';
import { missingSentences, sourceSentences, splitSentences } from './sentences.ts';
import { stripMarkup } from './strip-markup.ts';

function ladder(cells: string[][]): LadderContent {
  const c = emptyLadderContent('Ladder');
  c.levels = [{ id: 'l1', code: 'L1', title: 'Junior', summary: docFromParagraphs(), attributes: [] }];
  c.competencies = cells.map((_, i) => ({
    id: `c${i}`,
    name: `Comp ${i}`,
    group: '',
    description: docFromParagraphs(),
  }));
  cells.forEach((items, i) => (c.cells[`l1:c${i}`] = docFromBullets(items)));
  return c;
}

describe('sentence helper', () => {
  it('strips Markdown, HTML and table markup', () => {
    expect(
      stripMarkup(
        '## Level {#l-1}\n\n- **Bold** and _it_ [link](http://x)\n![img](a.png) Results\n| a | b |\n| --- | --- |',
      ),
    ).toEqual(['Level', '**Bold** and _it_ link', 'Results', 'a', 'b']);
    expect(stripMarkup('<p>One &amp; two.</p> <p>Three<br>four</p>')).toEqual([
      'One & two.',
      'Three',
      'four',
    ]);
    expect(stripMarkup('a\tb\tc')).toEqual(['a', 'b', 'c']);
    expect(stripMarkup('"x, y",z\n', { csv: true })).toEqual(['x, y', 'z']);
    expect(stripMarkup('---\ntitle: My ladder\n---\n# Body')).toEqual(['My ladder', 'Body']);
  });

  it('normalises quotes, dashes, emphasis and spaces', () => {
    expect(normalizeText('  It’s  **_large p_****_rograms_** — “ok”\u00a0 ')).toBe(
      'It\'s large programs - "ok"',
    );
  });

  it('splits sentences', () => {
    expect(splitSentences('One thing. Another thing! A third?\nLine two')).toEqual([
      'One thing.',
      'Another thing!',
      'A third?',
      'Line two',
    ]);
    expect(sourceSentences('- You do it. You also do that.')).toEqual(['You do it.', 'You also do that.']);
  });

  it('finds nothing missing when every sentence is there', () => {
    const source = '- You ship things. You learn fast.\n- You help others.';
    expect(
      missingSentences(source, ladder([['You ship things. You learn fast.', 'You help others.']])),
    ).toEqual([]);
  });

  it('reports a dropped sentence', () => {
    const source = '- You ship things. You learn fast.\n- You help others.';
    expect(missingSentences(source, ladder([['You ship things.', 'You help others.']]))).toEqual([
      'You learn fast.',
    ]);
  });

  it('counts repeated sentences: dropping one copy is caught', () => {
    const source = '- You help others.\n- You help others.';
    expect(missingSentences(source, ladder([['You help others.'], ['You help others.']]))).toEqual([]);
    expect(missingSentences(source, ladder([['You help others.']]))).toEqual(['You help others.']);
  });

  it('does not accept a sentence found only inside a longer word', () => {
    expect(missingSentences('- Senior', ladder([['Seniority matters.']]))).toEqual(['Senior']);
  });

  it('accepts the ladder’s own names however often the source repeats them', () => {
    const source = '## L1 Junior\n### Comp 0\n- You ship.\n### Comp 0\n';
    expect(missingSentences(source, ladder([['You ship.']]))).toEqual([]);
  });

  it('lets a test ignore named column headers', () => {
    expect(
      missingSentences('Responsibility | Behaviors\n', ladder([['x']]), {
        ignore: ['Responsibility', 'Behaviors'],
      }),
    ).toEqual([]);
  });
});
