import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../import/import-document.ts';
import { importLadder } from '../import/import-ladder.ts';
import { withoutIds } from '../import/canonical.ts';
import { FIXTURES_DIR, SEEDS_DIR, listFiles } from '../import/testing/paths.ts';
import type { LadderContent } from '../model/index.ts';
import { exportCsv } from './csv.ts';
import { exportHtml } from './html.ts';
import { exportJson } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import { exportDocx } from './office/docx.ts';
import { exportXlsx } from './office/xlsx.ts';

const documents = [
  ...listFiles(FIXTURES_DIR).map((f) => ({ name: `fixture ${f}`, file: path.join(FIXTURES_DIR, f) })),
  ...listFiles(SEEDS_DIR).map((f) => ({ name: `seed ${f}`, file: path.join(SEEDS_DIR, f) })),
];

/**
 * What long-form CSV carries: everything but the ladder's title and track (a CSV table has no
 * place for them; the importer takes the title from the file name).
 */
function csvView(content: LadderContent) {
  return withoutIds({ ...content, title: '', track: '' });
}

describe('round trip: import(export(L)) equals L', () => {
  it('covers every fixture and seed', () => {
    expect(documents.length).toBeGreaterThanOrEqual(20);
    expect(documents.filter((d) => /\.(docx|xlsx)$/.test(d.file)).length).toBeGreaterThanOrEqual(6);
  });

  for (const doc of documents) {
    describe(doc.name, () => {
      const original = async () =>
        (await importDocument(new Uint8Array(readFileSync(doc.file)), { filename: path.basename(doc.file) }))
          .content;

      it('through Markdown', async () => {
        const L = await original();
        const md = exportMarkdown(L);
        const back = importLadder(md, { format: 'markdown' });
        expect(withoutIds(back.content)).toEqual(withoutIds(L));
        // and it is stable: exporting again gives the same document
        expect(exportMarkdown(back.content)).toBe(md);
      });

      it('through Markdown without a file name (format detected)', async () => {
        const L = await original();
        expect(withoutIds(importLadder(exportMarkdown(L)).content)).toEqual(withoutIds(L));
      });

      it('through JSON, ids included', async () => {
        const L = await original();
        expect(importLadder(exportJson(L)).content).toEqual(L);
      });

      it('through CSV (long form): same text, summaries, descriptions, groups, attributes and order', async () => {
        const L = await original();
        const csv = exportCsv(L);
        const back = importLadder(csv, { filename: 'ladder.csv' });
        expect(back.layout).toBe('long-form');
        expect(csvView(back.content)).toEqual(csvView(L));
        expect(exportCsv(back.content)).toBe(csv);
      });

      it('through HTML, printable or not (the page carries the ladder)', async () => {
        const L = await original();
        for (const onePerPage of [false, true]) {
          const back = importLadder(exportHtml(L, { onePerPage }), { filename: 'ladder.html' });
          expect(withoutIds(back.content)).toEqual(withoutIds(L));
        }
      });

      it('through Word (.docx), with or without a file name', async () => {
        const L = await original();
        const docx = await exportDocx(L);
        for (const options of [{ filename: 'ladder.docx' }, {}]) {
          const back = await importDocument(docx, options);
          expect(back.format).toBe('docx');
          expect(withoutIds(back.content)).toEqual(withoutIds(L));
        }
      });

      it('through Excel (.xlsx), with or without a file name', async () => {
        const L = await original();
        const xlsx = await exportXlsx(L);
        for (const options of [{ filename: 'ladder.xlsx' }, {}]) {
          const back = await importDocument(xlsx, options);
          expect(back.format).toBe('xlsx');
          expect(withoutIds(back.content)).toEqual(withoutIds(L));
        }
      });
    });
  }
});

describe('HTML export edited after it was written', () => {
  it('is read from what the page shows, not from the ladder it carried', () => {
    const L = importLadder(readFileSync(path.join(FIXTURES_DIR, 'ladder.json'))).content;
    const edited = exportHtml(L).replace('Follows the style guide.', 'Follows the house style guide.');
    const back = importLadder(edited, { filename: 'ladder.html' }).content;
    expect(JSON.stringify(back.cells)).toContain('Follows the house style guide.');
    expect(back.levels.map((l) => l.code)).toEqual(L.levels.map((l) => l.code));
  });
});

describe('Markdown export of unusual ladders', () => {
  const base = (): LadderContent =>
    importLadder(readFileSync(path.join(FIXTURES_DIR, 'ladder.json'))).content;

  it('keeps titles that look like codes, empty titles and headings inside rich text', () => {
    const L = base();
    L.title = '';
    L.levels[0]!.code = '';
    L.levels[0]!.title = 'L3 Writer — Editor';
    L.levels[1]!.code = 'Senior';
    L.levels[1]!.title = 'Writer';
    L.description = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'About' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '**Not bold** and # not a heading' }] },
      ],
    };
    const back = importLadder(exportMarkdown(L)).content;
    expect(withoutIds(back)).toEqual(withoutIds(L));
  });

  it('keeps the order of competencies that no level fills in the same order', () => {
    const L = base();
    const [a, b] = L.competencies;
    L.competencies = [b!, a!];
    expect(withoutIds(importLadder(exportMarkdown(L)).content)).toEqual(withoutIds(L));
  });

  it('keeps levels that look like competencies and competencies that look like levels', () => {
    const L = base();
    L.levels[0]!.code = '';
    L.levels[0]!.title = 'Craft';
    L.levels[1]!.code = '';
    L.levels[1]!.title = 'Impact';
    L.competencies[0]!.name = 'Senior Staff Engineer';
    L.competencies[0]!.group = '';
    expect(withoutIds(importLadder(exportMarkdown(L)).content)).toEqual(withoutIds(L));
  });
});
