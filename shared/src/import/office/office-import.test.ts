import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../errors.ts';
import { importDocument } from '../import-document.ts';
import { importLadder } from '../import-ladder.ts';
import { FIXTURES_DIR } from '../testing/paths.ts';
import { zip } from '../testing/zip-writer.ts';
import { ZIP_LIMITS, readZipDirectory } from './zip.ts';

const xml = (s: string) => new TextEncoder().encode(s);
const CONTENT_TYPES = { name: '[Content_Types].xml', data: xml('<Types/>') };

async function importError(bytes: Uint8Array, options = {}): Promise<ImportError> {
  try {
    await importDocument(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('zip bombs and damaged archives are refused before a library opens them', () => {
  it('refuses an entry whose declared size is huge, without inflating it', async () => {
    const bomb = zip([
      CONTENT_TYPES,
      { name: 'word/document.xml', data: xml('<w:document/>'), declared: 4_000_000_000 },
    ]);
    const e = await importError(bomb, { filename: 'ladder.docx' });
    expect(e.code).toBe('unsafe_archive');
    expect(e.message).toMatch(/word\/document\.xml.*declares 3815 MB/);
  });

  it('refuses a compression ratio no document has, and too many entries in total', async () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const e = await importError(zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: zeros }]));
    expect(e.code).toBe('unsafe_archive');
    expect(e.message).toMatch(/inflate \d+ times/);
    const many = zip(
      Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `f${i}`, data: xml('x') })),
    );
    expect((await importError(many)).message).toMatch(/declares 2001 files/);
  });

  it('refuses an entry that inflates past the size it declares', async () => {
    const lying = zip([
      CONTENT_TYPES,
      { name: 'word/document.xml', data: new Uint8Array(500_000), declared: 1000 },
    ]);
    const e = await importError(lying);
    expect(e.code).toBe('unsafe_archive');
    expect(e.message).toMatch(/inflates past the size it declares/);
  });

  it('reads the directory without touching the data', () => {
    const entries = readZipDirectory(
      zip([CONTENT_TYPES, { name: 'word/document.xml', data: xml('<x/>'), declared: 4 }]),
    );
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['[Content_Types].xml', 8],
      ['word/document.xml', 4],
    ]);
  });

  it('names the formats Rungs reads for a ZIP that is neither Word nor Excel', async () => {
    const e = await importError(zip([{ name: 'mimetype', data: xml('application/epub+zip') }]));
    expect(e.code).toBe('binary');
    expect(e.message).toMatch(/Markdown, HTML, CSV, TSV, JSON, Word \(\.docx\) and Excel \(\.xlsx\)/);
  });

  it('gives a project error for truncated and damaged Office files', async () => {
    const docx = new Uint8Array(readFileSync(path.join(FIXTURES_DIR, 'word-headings.docx')));
    expect((await importError(docx.slice(0, docx.length / 2))).code).toBe('corrupt_file');
    const damaged = Uint8Array.from(docx);
    for (let i = 200; i < 1200; i++) damaged[i] = 0x41;
    expect(['corrupt_file', 'unsafe_archive']).toContain((await importError(damaged)).code);
    expect((await importError(new TextEncoder().encode('not a zip'), { format: 'xlsx' })).code).toBe(
      'corrupt_file',
    );
  });

  it('the synchronous importer refuses Office files with a project error', () => {
    const docx = new Uint8Array(readFileSync(path.join(FIXTURES_DIR, 'word-headings.docx')));
    expect(() => importLadder(docx)).toThrow(ImportError);
    expect(() => importLadder('# text', { format: 'docx' })).toThrow(/upload the \.docx file itself/);
  });
});

describe('Excel sheets', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Engineering');
    a.addRow(['Competency', 'E1', 'E2']);
    a.addRow(['Code', 'Writes code.', 'Reviews code.']);
    const b = wb.addWorksheet('Product');
    b.addRow(['Competency', 'P1', 'P2']);
    b.addRow(['Discovery', 'Joins interviews.', 'Runs discovery.']);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet holding a table, warning about the others', async () => {
    const r = await importDocument(await workbook());
    expect(r.content.levels.map((l) => l.code)).toEqual(['E1', 'E2']);
    expect(r.warnings.find((w) => w.code === 'sheets_ignored')?.message).toMatch(/“Product”/);
    expect(r.sheets).toEqual(['Engineering', 'Product']);
  });

  it('reads the sheet chosen by name or position, and names the sheets when none matches', async () => {
    const bytes = await workbook();
    expect((await importDocument(bytes, { sheet: 'product' })).content.levels[0]!.code).toBe('P1');
    expect((await importDocument(bytes, { sheet: '2' })).content.levels[0]!.code).toBe('P1');
    const e = await importError(bytes, { sheet: 'Sales' });
    expect(e.message).toMatch(/no sheet “Sales”; its sheets are “Engineering”, “Product”/);
  });

  it('reads multi-line cells as paragraphs', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Ladder');
    s.addRow(['Competency', 'L1', 'L2']);
    s.addRow(['Craft', 'Writes code.\nTests it.', 'Designs systems.']);
    const r = await importDocument(new Uint8Array(await wb.xlsx.writeBuffer()));
    const cell = Object.values(r.content.cells)[0]!;
    expect(cell.content?.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});
