import { describe, expect, it } from 'vitest';
import { importLadder } from '../import-ladder.ts';
import { Warnings } from '../warnings.ts';
import { markdownDocument, parseMarkdown } from './markdown-document.ts';
import { MAX_DELIMITER_RUNS, MAX_INDENT, MAX_NESTING, simplifyMarkdown } from './simplify.ts';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** Deepest chain of blockquote and list nodes. */
function containerDepth(node: Node): number {
  const own = node.type === 'blockquote' || node.type === 'list' ? 1 : 0;
  return own + Math.max(0, ...(node.children ?? []).map(containerDepth));
}

function countNodes(node: Node, type: string): number {
  return (node.type === type ? 1 : 0) + (node.children ?? []).reduce((n, c) => n + countNodes(c, type), 0);
}

function findNode(node: Node, type: string): Node | undefined {
  if (node.type === type) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, type);
    if (found) return found;
  }
  return undefined;
}

/** Every character of text the tree renders, whatever the markup. */
function renderedText(node: Node): string {
  return (node.value ?? '') + (node.children ?? []).map(renderedText).join('');
}

const onlyText = (s: string) => s.replace(/[\s>\\-]/g, '');

const LADDER = '# Ladder\n\n## L1 Engineer\n\n### Craft\n\n';

describe('simplifyMarkdown', () => {
  it('leaves ordinary documents unchanged', () => {
    const doc = `${LADDER}> quoted\n> > twice\n\n- a\n  - b\n    - c **bold** _it_\n\n| a | b |\n|---|---|\n| **x** | y |\n\n---\n\n* * *\n`;
    expect(simplifyMarkdown(doc)).toEqual({
      text: doc,
      nestingLines: 0,
      indentLines: 0,
      emphasisParagraphs: 0,
    });
  });

  it('caps blockquote nesting, keeping the markers past the cap as text', () => {
    const line = '> '.repeat(100) + 'deep words';
    const out = simplifyMarkdown(line);
    expect(out.nestingLines).toBe(1);
    const tree = parseMarkdown(out.text) as Node;
    expect(containerDepth(tree)).toBe(MAX_NESTING);
    const text = renderedText(tree);
    expect(text).toContain('deep words');
    expect((text.match(/>/g) ?? []).length).toBe(100 - MAX_NESTING);
  });

  it('caps mixed quote and list markers on one line', () => {
    const out = simplifyMarkdown(`${'> - 1. '.repeat(20)}item`);
    const tree = parseMarkdown(out.text) as Node;
    expect(containerDepth(tree)).toBe(MAX_NESTING);
    expect(renderedText(tree)).toContain('item');
  });

  it('leaves thematic breaks made of list markers alone', () => {
    const line = '- '.repeat(200).trimEnd();
    expect(simplifyMarkdown(line).text).toBe(line);
    expect(countNodes(parseMarkdown(line) as Node, 'thematicBreak')).toBe(1);
  });

  it('cuts indentation wider than the cap, so deep lists stop nesting', () => {
    const lines = Array.from({ length: 300 }, (_, d) => `${'  '.repeat(d)}- item ${d}`);
    const out = simplifyMarkdown(lines.join('\n'));
    expect(out.indentLines).toBe(300 - MAX_INDENT / 2 - 1);
    const tree = parseMarkdown(out.text) as Node;
    expect(containerDepth(tree)).toBeLessThanOrEqual(MAX_INDENT / 2 + 1);
    const text = renderedText(tree);
    for (let d = 0; d < 300; d++) expect(text).toContain(`item ${d}`);
  });

  it('leaves fenced code alone', () => {
    const code = `\`\`\`\n${' '.repeat(200)}x\n${'> '.repeat(50)}\n\`\`\`\n`;
    expect(simplifyMarkdown(code).text).toBe(code);
  });

  it('keeps emphasis past the cap in one paragraph as code, with every character', () => {
    const para = '**_'.repeat(2000);
    const out = simplifyMarkdown(para);
    expect(out.emphasisParagraphs).toBe(1);
    const tree = parseMarkdown(out.text) as Node;
    expect(countNodes(tree, 'inlineCode')).toBe(1);
    // The first runs are emphasis as before; from run MAX_DELIMITER_RUNS + 1 on, literal code.
    const code = findNode(tree, 'inlineCode')!.value!;
    expect(code === para.slice((MAX_DELIMITER_RUNS / 2) * 3)).toBe(true);
  });

  it('counts runs per paragraph, list item and table row, not per document', () => {
    const bold = '**b** '.repeat(MAX_DELIMITER_RUNS / 4);
    const items = Array.from({ length: 10 }, () => `- ${bold}`).join('\n');
    const rows = Array.from({ length: 10 }, () => `| ${bold} | x |`).join('\n');
    const paragraphs = Array.from({ length: 10 }, () => bold).join('\n\n');
    const doc = `${items}\n\n| a | b |\n|---|---|\n${rows}\n\n${paragraphs}\n`;
    expect(simplifyMarkdown(doc).text).toBe(doc);
  });

  it('keeps a backtick inside the capped text exact', () => {
    const para = `${'*a* '.repeat(MAX_DELIMITER_RUNS / 2)}*b* \`c\` **d**`;
    const tree = parseMarkdown(simplifyMarkdown(para).text) as Node;
    expect(onlyText(renderedText(tree))).toContain('*b*`c`**d**');
  });

  it('keeps the repaired broken bold of exported documents', () => {
    const warnings = new Warnings();
    const doc = markdownDocument(`${LADDER}**_large p_****_rograms_** and more\n`, warnings);
    expect(JSON.stringify(doc.blocks)).toContain('large programs');
    expect(warnings.toArray()).toEqual([]);
  });
});

describe('simplification warnings', () => {
  it('says what was simplified', () => {
    const doc = `${LADDER}- ${'> '.repeat(40)}deep\n\n${'**_'.repeat(1000)}\n\n${' '.repeat(100)}x\n`;
    const warnings = new Warnings();
    markdownDocument(doc, warnings);
    const codes = warnings.toArray().map((w) => w.code);
    expect(codes).toEqual(['nesting_simplified', 'indentation_simplified', 'emphasis_simplified']);
    expect(warnings.toArray()[0]!.message).toMatch(/deeper than 16 levels were kept as text/);
  });

  it('reaches the import result', () => {
    const result = importLadder(`${LADDER}- Writes code.\n- ${'> '.repeat(40)}deep\n`);
    expect(result.warnings.map((w) => w.code)).toContain('nesting_simplified');
  });
});
