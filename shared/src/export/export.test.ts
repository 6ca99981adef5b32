import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import/errors.ts';
import { withoutIds } from '../import/canonical.ts';
import { importLadder } from '../import/import-ladder.ts';
import { FIXTURES_DIR } from '../import/testing/paths.ts';
import { plainText } from '../model/index.ts';
import { convertDocument, EXPORT_FORMATS, exportLadder } from './convert.ts';
import { CSV_COLUMNS, exportCsv } from './csv.ts';
import { exportHtml } from './html.ts';
import { LADDER_MARKER, exportMarkdown } from './markdown.ts';

const fixture = (name: string) => readFileSync(path.join(FIXTURES_DIR, name));
const ladder = () => importLadder(fixture('ladder.json')).content;

describe('exportMarkdown', () => {
  it('writes a readable document with our marker, levels and competencies as headings', () => {
    const md = exportMarkdown(importLadder(fixture('front-matter.md')).content);
    expect(
      md.startsWith('---\ntrack: IC\n---\n\n<!-- rungs:ladder v1 -->\n\n# Frontend Engineering Ladder\n'),
    ).toBe(true);
    expect(md).toContain(LADDER_MARKER);
    expect(md).toContain('## F1 — Frontend Engineer');
    expect(md).toContain(
      '### Craft\n\n#### Accessibility\n\n- You use semantic HTML and label every form control.',
    );
  });

  it('writes a levels table for attributes and a competencies section for descriptions', () => {
    const md = exportMarkdown(ladder());
    expect(md).toMatch(/\| Code +\| Title +\| Years of experience \| Seniority \|/);
    expect(md).toContain('## Competencies\n\n<!-- rungs:competencies -->');
    expect(md).toContain('Readers understand the text on first reading.');
    expect(md).toContain('[style guide](https://example.com/style)');
  });
});

describe('exportCsv', () => {
  it('writes long form with one row per level × competency', () => {
    const csv = exportCsv(ladder());
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 2 * 2);
    expect(rows[1]).toEqual([
      'TW1',
      'Technical Writer',
      'Writing',
      'Clarity',
      '- Uses short sentences and the *active* voice.\n- Follows the style guide.',
    ]);
    expect(rows[2]).toEqual(['TW1', 'Technical Writer', 'Structure', 'Information architecture', '']);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('exportHtml', () => {
  it('is a standalone page with a print stylesheet', () => {
    const html = exportHtml(ladder());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Technical Writing</title>');
    expect(html).toMatch(/@media print \{[\s\S]*@page/);
    expect(html).not.toContain('class="ladder-document one-per-page"');
    expect(html).toContain('<dt>Years of experience</dt><dd>0-3</dd>');
    expect(html).toContain('<li><p>Uses short sentences and the <em>active</em> voice.</p></li>');
    expect(html).toContain('<h3 class="group">Writing</h3>');
  });

  it('can start every level on a new page', () => {
    const html = exportHtml(ladder(), { onePerPage: true });
    expect(html).toContain('<body class="ladder-document one-per-page">');
    expect(html).toMatch(/body\.one-per-page section\.level \{ break-before: page;/);
    expect(html.match(/<section class="level"/g)).toHaveLength(2);
  });

  it('escapes text and neutralises script links', () => {
    const L = ladder();
    L.title = '<script>alert(1)</script>';
    L.description = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          ],
        },
      ],
    };
    const html = exportHtml(L);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="#">x</a>');
  });

  it('contains every cell of a seed-shaped ladder', () => {
    const L = importLadder(fixture('level-document.md')).content;
    const html = exportHtml(L);
    for (const doc of Object.values(L.cells)) {
      const first = plainText(doc).split('\n')[0]!;
      expect(html).toContain(first.replace(/&/g, '&amp;').replace(/'/g, "'"));
    }
  });
});

describe('convertDocument', () => {
  it('converts any importable document to every export format', () => {
    const L = importLadder(fixture('levels-as-rows.tsv'), { filename: 'support.tsv' }).content;
    for (const to of EXPORT_FORMATS) {
      const result = convertDocument(fixture('levels-as-rows.tsv'), to, { filename: 'support.tsv' });
      expect(result.from).toBe('tsv');
      if (to === 'json') expect(withoutIds(JSON.parse(result.document))).toEqual(withoutIds(L));
      else expect(result.document).toBe(exportLadder(L, to));
    }
  });

  it('returns the import warnings beside the document', () => {
    const result = convertDocument(fixture('labelled-bullets.md'), 'json');
    expect(JSON.parse(result.document).levels).toHaveLength(3);
    expect(result.warnings.map((w) => w.code)).toContain('levels_disagree');
  });

  it('throws ImportError for bad input', () => {
    expect(() => convertDocument('', 'md')).toThrow(ImportError);
  });
});
