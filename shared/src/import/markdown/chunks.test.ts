import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, SEEDS_DIR, listFiles } from '../testing/paths.ts';
import { markdownChunks } from './chunks.ts';
import { parseMarkdown } from './markdown-document.ts';

const whole = unified().use(remarkParse).use(remarkGfm);
const filler = `${'Some text that is long enough to make a piece. '.repeat(100)}\n`;

/** Documents repeated until they split into several pieces, with the awkward places pieces meet. */
const documents: Array<[string, string]> = [
  ...[
    ...listFiles(FIXTURES_DIR).map((f) => path.join(FIXTURES_DIR, f)),
    ...listFiles(SEEDS_DIR).map((f) => path.join(SEEDS_DIR, f)),
  ]
    .filter((f) => !/\.(csv|tsv|json|html?)$/.test(f))
    .map((f): [string, string] => [path.basename(f), readFileSync(f, 'utf8').repeat(3)]),
  ['a table then a heading', `${filler}| a | b |\n|---|---|\n| c | d |\n# H\n${filler}# I\n`],
  ['a list then a heading', `${filler}- item\n  more\n# H\n- next\n${filler}## J\n`],
  ['a heading inside fenced code', `${filler}\`\`\`\n${filler}# not a heading\n\`\`\`\n# H\n`],
  ['a heading inside an HTML block', `${filler}<div>\n${filler}# inside\n</div>\n\n# H\n`],
  ['a heading inside a comment', `${filler}<!--\n\n${filler}# inside\n\n-->\n# H\n`],
  ['a loose list across blank lines', `${filler}\n- a\n\n- b\n\n  more b\n\n1. c\n\n2) d\n\ne\n${filler}`],
  ['indented code across blank lines', `${filler}\n    code\n\n    more code\n\nafter\n${filler}`],
  ['a quote, then a lazy line', `${filler}\n> quoted\nlazy\n\n> again\n\nplain\n${filler}`],
  ['an HTML block ended by a blank line', `${filler}\n<div>\n${filler}\n\nafter\n${filler}`],
  [
    'tables between paragraphs',
    `${filler}\n| a | b |\n|---|---|\n| c | d |\n\n${filler}\n| e |\n|---|\n`.repeat(3),
  ],
  ['link definitions', `${filler}# A\n[x]\n${filler}# B\n\n[x]: https://example.com\n`],
];

describe('Markdown parsed in pieces', () => {
  it.each(documents)('%s gives the same tree as parsed whole', (_name, source) => {
    expect(parseMarkdown(source).children).toEqual(whole.parse(source).children);
  });

  it('splits a long document at its headings', () => {
    const source = `# A\n${filler}## B\n${filler}## C\n${filler}`;
    expect(markdownChunks(source).map((c) => c.text.split('\n')[0])).toEqual(['# A', '## B', '## C']);
  });

  it('splits a long document at unindented blocks after a blank line, but not inside a list', () => {
    const source = `${filler}\n| a |\n|---|\n\n${filler}\n- item\n\n- ${filler}\n- next\n`;
    expect(markdownChunks(source).map((c) => c.text.split('\n')[0]!.slice(0, 5))).toEqual(['Some ', '| a |']);
  });

  it('keeps a document with link definitions whole', () => {
    expect(markdownChunks(`# A\n${filler}# B\n[x]: https://example.com\n`)).toHaveLength(1);
  });
});
