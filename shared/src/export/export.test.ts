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
    expect(rows[0]).toEqual([...CSV_COLUMNS, 'Years of experience', 'Seniority']);
    const cellRows = rows.slice(1).filter((r) => r[0] && r[3]);
    expect(cellRows).toHaveLength(2 * 2);
    expect(cellRows[0]).toEqual([
      'TW1',
      'Technical Writer',
      'Writing',
      'Clarity',
      '- Uses short sentences and the *active* voice.\n- Follows the style guide.',
      '',
      '',
    ]);
    expect(cellRows[1]).toEqual([
      'TW1',
      'Technical Writer',
      'Structure',
      'Information architecture',
      '',
      '',
      '',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps level summaries and attributes, competency and ladder descriptions, in rows the importer reads back', () => {
    const rows = parse(exportCsv(ladder())) as string[][];
    expect(rows).toContainEqual([
      'TW1',
      'Technical Writer',
      '',
      '',
      'Writes and updates pages for one product.',
      '0-3',
      '',
    ]);
    expect(rows).toContainEqual(['TW2', 'Senior Technical Writer', '', '', '', '4+', 'Senior']);
    expect(rows).toContainEqual([
      '',
      '',
      'Writing',
      'Clarity',
      'Readers understand the text on first reading.',
      '',
      '',
    ]);
    expect(rows[1]![4]).toMatch(/^How technical writers grow\./);
    const back = importLadder(exportCsv(ladder()), { filename: 'ladder.csv' });
    expect(back.warnings).toEqual([]);
    expect(withoutIds({ ...back.content, title: '', track: '' })).toEqual(
      withoutIds({ ...ladder(), title: '', track: '' }),
    );
  });

  it('writes no summary row for a level with no summary nor attributes', () => {
    const L = ladder();
    for (const level of L.levels) {
      level.summary = { type: 'doc', content: [{ type: 'paragraph' }] };
      level.attributes = [];
    }
    const rows = parse(exportCsv(L)) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.filter((r) => r[0] && !r[3])).toEqual([]);
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

describe('exports of a ladder edited in the app (empty rich text is one empty paragraph)', () => {
  const emptyDoc = () => ({ type: 'doc' as const, content: [{ type: 'paragraph' }] });
  const edited = () => {
    const L = ladder();
    for (const c of L.competencies) c.description = emptyDoc();
    L.cells[`${L.levels[0]!.id}:${L.competencies[1]!.id}`] = emptyDoc();
    return L;
  };

  it('HTML has no Competencies section of empty boxes and no empty competency sections', () => {
    const html = exportHtml(edited());
    expect(html).not.toContain('<h2>Competencies</h2>');
    expect(html).not.toMatch(/<section class="competency"><h4>[^<]*<\/h4>\s*<\/section>/);
    expect(html).not.toMatch(/<section class="competency"><h4>[^<]*<\/h4>\n<p><\/p>/);
  });

  it('Markdown has no empty competency headings and reads back to the same ladder', () => {
    const L = edited();
    const md = exportMarkdown(L);
    expect(md).not.toContain('## Competencies');
    // every competency heading is followed by text, not by another heading or the end
    expect(md).not.toMatch(/^#### .*\n\n(#|$)/m);
    expect(md.trimEnd()).not.toMatch(/\n#### [^\n]*$/);
    const back = importLadder(md).content;
    expect(back.competencies.map((c) => c.name)).toEqual(L.competencies.map((c) => c.name));
  });

  it('Markdown lists a competency that no level fills, so it is not lost', () => {
    const L = edited();
    for (const level of L.levels) delete L.cells[`${level.id}:${L.competencies[1]!.id}`];
    const md = exportMarkdown(L);
    expect(md).toContain('## Competencies');
    const back = importLadder(md).content;
    expect(back.competencies.map((c) => [c.group, c.name])).toEqual(
      L.competencies.map((c) => [c.group, c.name]),
    );
  });
});
