import { describe, expect, it } from 'vitest';
import { ImportError, type ImportErrorCode } from './errors.ts';
import { MAX_IMPORT_BYTES } from './decode.ts';
import { importLadder } from './import-ladder.ts';
import type { ImportOptions } from './types.ts';

function importError(input: string | Uint8Array, options: ImportOptions = {}): ImportError {
  try {
    importLadder(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

function expectError(
  input: string | Uint8Array,
  code: ImportErrorCode,
  message: RegExp,
  line?: number,
  options?: ImportOptions,
) {
  const e = importError(input, options);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
  if (line !== undefined) {
    expect(e.line).toBe(line);
    expect(e.message).toContain(`line ${line}`);
  }
  return e;
}

describe('bad input gets a clear ImportError', () => {
  it('empty documents', () => {
    expectError('', 'empty', /empty/);
    expectError('  \n\n\t \n', 'empty', /empty/);
    expectError(new Uint8Array(), 'empty', /empty/);
    expectError(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty', /empty/);
  });

  it('binary documents', () => {
    expectError(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'binary',
      /PNG image/,
    );
    expectError(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 'binary', /\.docx/);
    expectError(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), 'binary', /PDF/);
    const noise = new Uint8Array(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 256;
    expectError(noise, 'binary', /binary/);
    expectError('# Title\n\u0000\u0001\u0002 binary junk', 'binary', /binary/);
  });

  it('documents over 10 MB, as text or bytes', () => {
    const big = `# Ladder\n\n## L1\n\n### Impact\n\n${'- You do a thing well.\n'.repeat(Math.ceil((20 * 1024 * 1024) / 22))}`;
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    expectError(big, 'too_large', /is 2\d\.\d MB; the largest document Rungs imports is 10 MB/);
    expectError(new Uint8Array(20 * 1024 * 1024).fill(0x41), 'too_large', /20\.0 MB/);
    // multi-byte characters count as bytes, not characters
    expectError('é'.repeat(MAX_IMPORT_BYTES / 2 + 1), 'too_large', /MB/);
  });

  it('CSV and TSV tables with ragged rows name the line', () => {
    expectError(
      'Level,Impact,Craft\nL1,Does things,Writes code\nL2,Leads things\nL3,a,b\n',
      'ragged_rows',
      /line 3 has 2 cells but the table has 3 columns/,
      3,
      { format: 'csv' },
    );
    expectError(
      '# Ladder\n\nLevel\tImpact\tCraft\nL1\tDoes\tWrites\nL2\tLeads\tReviews\tand more\n',
      'ragged_rows',
      /line 5 has 4 cells/,
      5,
    );
    expectError(
      'Level code,Level title,Group,Competency,Text\nP1,PM,,Impact,"Ships, learns"\nP1,PM,,Craft,Writes, reads\n',
      'ragged_rows',
      /line 3 has 6 cells but the table has 5/,
      3,
      { filename: 'x.csv' },
    );
  });

  it('Markdown and HTML tables with ragged rows name the line', () => {
    expectError(
      '# Ladder\n\n| Competency | Junior | Senior |\n| --- | --- | --- |\n| Impact | Ships | Leads |\n| Craft | Writes |\n',
      'ragged_rows',
      /line 6 has 2 cells but the table has 3 columns/,
      6,
    );
    expectError(
      '<table>\n<tr><th>Level</th><th>Impact</th></tr>\n<tr><td>L1</td><td>Ships</td></tr>\n<tr><td>L2</td><td>Leads</td><td>extra</td></tr>\n</table>',
      'ragged_rows',
      /line 4 has 3 cells/,
      4,
    );
  });

  it('heading-only documents', () => {
    expectError(
      '# Ladder\n\n## Junior\n\n### Impact\n\n### Craft\n\n## Senior\n',
      'headings_only',
      /only headings \(5, from line 1\)/,
      1,
    );
    expectError('\n\n## Junior\n## Senior\n', 'headings_only', /only headings/, 3);
  });

  it('documents with no ladder in them', () => {
    expectError(
      'Just a paragraph of prose about careers.\n\nAnother one.',
      'no_ladder',
      /no headings and no table/,
    );
    expectError('# Title\n\nSome words.\n\n## Notes\n\n', 'no_ladder', /No ladder|expectations/);
    expectError('Level,Impact\n', 'no_ladder', /header row \(line 1\) but no rows/, 1, { format: 'csv' });
  });

  it('truncated and malformed documents', () => {
    expectError('{"schemaVersion":1,"title":"x","levels":[', 'truncated', /truncated/);
    expectError('{\n  "schemaVersion": 1,\n  "title": "x",,\n}', 'invalid_json', /line 3/, 3);
    expectError('{"hello": "world"}', 'invalid_ladder', /not a Rungs ladder/);
    expectError('Level,Impact\nL1,"Ships things\n', 'truncated', /quoted cell.*truncated/, undefined, {
      format: 'csv',
    });
  });

  it('an unknown format', () => {
    expectError('# x', 'unknown_format', /Unknown format/, undefined, { format: 'odt' as never });
  });

  it('never throws anything but ImportError, even for odd inputs', () => {
    const odd: Array<string | Uint8Array> = [
      '|',
      '||\n||',
      '\t',
      '#',
      '---\n---\n',
      '<table></table>',
      '<table><tr></tr></table>',
      '{',
      '"',
      ',,,\n,,,',
      '- **:**',
      '# \n## \n### \n- x',
    ];
    for (const input of odd) {
      try {
        importLadder(input);
      } catch (e) {
        expect(e, JSON.stringify(input)).toBeInstanceOf(ImportError);
        expect((e as ImportError).code).not.toBe('internal');
      }
    }
  });
});
