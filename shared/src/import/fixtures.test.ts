import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { importDocument } from './import-document.ts';
import { importLadder } from './import-ladder.ts';
import { detectOfficeFormat } from './office/zip.ts';
import { expectImport } from './testing/assertions.ts';
import { isOfficeFile, officeSourceText } from './testing/office-source.ts';
import { FIXTURE_EXPECTATIONS } from './testing/expectations.ts';
import { FIXTURES_DIR, listFiles } from './testing/paths.ts';
import { FORMAT_IDS } from './types.ts';

describe('import fixtures', () => {
  it('has an expectation for every fixture, and the fixtures cover every format', () => {
    expect(listFiles(FIXTURES_DIR)).toEqual(Object.keys(FIXTURE_EXPECTATIONS).sort());
    const formats = new Set(Object.values(FIXTURE_EXPECTATIONS).map((e) => e.format));
    expect([...formats].sort()).toEqual([...FORMAT_IDS].sort());
  });

  for (const [file, expected] of Object.entries(FIXTURE_EXPECTATIONS)) {
    const full = path.join(FIXTURES_DIR, file);
    if (isOfficeFile(file)) {
      it(`imports ${file}`, async () => {
        const bytes = new Uint8Array(readFileSync(full));
        const source = await officeSourceText(full, expected.sheet);
        expectImport(await importDocument(bytes, { filename: file }), source, expected);
      });

      it(`detects the format of ${file} without its file name`, async () => {
        const bytes = new Uint8Array(readFileSync(full));
        expect(detectOfficeFormat(bytes)).toBe(expected.format);
        expect((await importDocument(bytes)).format).toBe(expected.format);
      });
      continue;
    }
    it(`imports ${file}`, () => {
      const bytes = readFileSync(full);
      expectImport(importLadder(bytes, { filename: file }), bytes.toString('utf8'), expected);
    });

    it(`imports ${file} the same through importDocument`, async () => {
      const bytes = new Uint8Array(readFileSync(full));
      const direct = importLadder(bytes, { filename: file });
      expect(await importDocument(bytes, { filename: file })).toEqual({
        ...direct,
        content: expect.any(Object),
      });
    });

    it(`detects the format of ${file} without its file name`, () => {
      const text = readFileSync(full, 'utf8');
      expect(detectFormat(text)).toBe(expected.format);
    });
  }

  it('honours an explicit format and title', () => {
    const text = readFileSync(path.join(FIXTURES_DIR, 'headings.md'), 'utf8');
    const result = importLadder(text, { format: 'markdown', title: 'Renamed' });
    expect(result.content.title).toBe('Renamed');
  });

  it('uses the file name as the title of a CSV without one', () => {
    const text = readFileSync(path.join(FIXTURES_DIR, 'long-form.csv'));
    expect(importLadder(text, { filename: 'product-ladder.csv' }).content.title).toBe('product-ladder');
    expect(importLadder(text, { format: 'csv' }).content.title).toBe('Imported ladder');
  });

  it('keeps rich text: lists, bold, italic and links', () => {
    const html = importLadder(readFileSync(path.join(FIXTURES_DIR, 'matrix-columns.html'))).content;
    const json = JSON.stringify(html.cells);
    expect(json).toContain('"type":"bulletList"');
    expect(json).toContain('{"type":"italic"}');
    expect(json).toContain('"href":"https://example.com/automation"');
    const csv = importLadder(readFileSync(path.join(FIXTURES_DIR, 'long-form.csv')), {
      format: 'csv',
    }).content;
    expect(JSON.stringify(csv.cells)).toContain(
      '{"type":"text","text":"outcomes","marks":[{"type":"bold"}]}',
    );
    expect(JSON.stringify(csv.cells)).toContain('"href":"https://example.com/planning"');
  });
});
