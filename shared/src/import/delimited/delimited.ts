import { parse } from 'csv-parse/browser/esm/sync';
import { ImportError } from '../errors.ts';

/** Rows of a CSV or TSV document, with the line each starts on, and the text lines above the table. */
export interface DelimitedTable {
  preamble: Array<{ text: string; line: number }>;
  rows: string[][];
  rowLines: number[];
}

interface CsvLikeError {
  code?: string;
  lines?: number;
  message: string;
}

/** The first line that starts the table: for TSV the first line with a tab; for CSV the first with the modal comma count. */
function tableStart(lines: string[], delimiter: string): number {
  if (delimiter === '\t')
    return Math.max(
      0,
      lines.findIndex((l) => l.includes('\t')),
    );
  let i = 0;
  while (
    i < lines.length &&
    (lines[i]!.trim() === '' || /^#\s/.test(lines[i]!) || !lines[i]!.includes(delimiter))
  )
    i++;
  return i < lines.length ? i : 0;
}

export function readDelimited(text: string, delimiter: ',' | '\t' | ';'): DelimitedTable {
  const lines = text.split('\n');
  const start = tableStart(lines, delimiter);
  const preamble = lines
    .slice(0, start)
    .map((t, i) => ({ text: t.trim(), line: i + 1 }))
    .filter((p) => p.text);
  const body = lines.slice(start).join('\n');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  const options = {
    delimiter,
    info: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  } as const;
  try {
    records = parse(body, { ...options, relax_quotes: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as CsvLikeError;
    if (delimiter === '\t') {
      try {
        records = parse(body, { ...options, quote: false }) as unknown as typeof records;
      } catch {
        throw csvError(err, start);
      }
    } else throw csvError(err, start);
  }
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let consumed = 0;
  for (const { record, info } of records) {
    // info.lines is the line the record ends on; the record starts after the previous one ended.
    const line = consumed + 1 + start;
    consumed = info.lines;
    if (record.every((c) => c.trim() === '')) continue;
    rows.push(record);
    rowLines.push(line);
  }
  return { preamble, rows, rowLines };
}

function csvError(err: CsvLikeError, offset: number): ImportError {
  const line = err.lines !== undefined ? err.lines + offset : undefined;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportError(
      'truncated',
      `The table ends inside a quoted cell${line ? ` (the quote opened before line ${line} is never closed)` : ''}; the file looks truncated.`,
      line,
    );
  }
  return new ImportError(
    'invalid_csv',
    `The table could not be read${line ? ` at line ${line}` : ''}: ${err.message}`,
    line,
  );
}
