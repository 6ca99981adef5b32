import { isTextTable } from './delimited/text-table.ts';
import type { FormatId } from './types.ts';

const EXTENSIONS: Record<string, FormatId> = {
  json: 'json',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  docx: 'docx',
  xlsx: 'xlsx',
};

/** Detection reads only this much of a document: its start says what it is, and it bounds the work. */
export const DETECTION_PREFIX_CHARS = 64 * 1024;

/** The document's first `DETECTION_PREFIX_CHARS`, cut at a line end so no line is judged half-read. */
function detectionPrefix(text: string): string {
  if (text.length <= DETECTION_PREFIX_CHARS) return text;
  const cut = text.lastIndexOf('\n', DETECTION_PREFIX_CHARS);
  return text.slice(0, cut > 0 ? cut : DETECTION_PREFIX_CHARS);
}

/** Leading blank space and HTML comments, skipped before looking at the first tag or brace. */
function skipLeadingComments(text: string): string {
  let rest = text.trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) break;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest;
}

/** A GFM table's delimiter row: `|---|:---:|`, `--- | ---`. */
function isTableDelimiterRow(line: string): boolean {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => /^:?-{3,}:?$/.test(cell.trim()));
}

/** A line with a `|` directly above a delimiter row: the start of a GFM table. */
function hasPipeTable(lines: string[]): boolean {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i]!.includes('|') && lines[i + 1]!.includes('-') && isTableDelimiterRow(lines[i + 1]!))
      return true;
  }
  return false;
}

/** Guess a document's format from its file name, else from the start of its text. */
export function detectFormat(document: string, filename?: string): FormatId {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  const text = detectionPrefix(document);
  const head = skipLeadingComments(text);
  if (head.startsWith('{')) return 'json';
  if (text.slice(0, 4096).includes('<!-- rungs:ladder')) return 'markdown';
  if (/^<(!doctype\s+html|html|head|body|table|h[1-6]|div|section|article|main|ul|ol|p|meta)\b/i.test(head))
    return 'html';
  const allLines = text.split('\n');
  const lines = allLines.filter((l) => l.trim() !== '');
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const firstTab = lines.findIndex((l) => l.includes('\t'));
  if (firstTab >= 0 && tabbed >= 2 && tabbed >= 0.6 * (lines.length - firstTab)) return 'tsv';
  if (hasPipeTable(allLines)) return 'markdown';
  const hasHeading = allLines.some(isMarkdownHeading);
  if (/<table[\s>]/i.test(text) && !hasHeading) return 'html';
  if (isTextTable(text) && !hasHeading) return 'text-table';
  if (looksLikeCsv(lines)) return 'csv';
  return 'markdown';
}

function isMarkdownHeading(line: string): boolean {
  return /^#{1,6}\s/.test(line);
}

function looksLikeCsv(lines: string[]): boolean {
  if (lines.length < 2 || lines.some((l) => /^#{1,6}\s/.test(l) && !l.includes(','))) {
    // a Markdown heading above a CSV table is allowed only as its first line
    if (!(
      lines.length >= 3 &&
      /^#{1,6}\s/.test(lines[0]!) &&
      !lines.slice(1).some((l) => /^#{1,6}\s/.test(l))
    ))
      return false;
  }
  const body = /^#{1,6}\s/.test(lines[0] ?? '') ? lines.slice(1) : lines;
  const header = body[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const cells = header.split(delimiter);
  if (cells.length < 2 || cells.some((c) => c.trim().length > 80)) return false;
  if (/^\s*([-*+]|\d+\.)\s/.test(header)) return false;
  return body.slice(1).some((l) => l.includes(delimiter));
}

export function csvDelimiter(document: string): ',' | ';' {
  const header =
    detectionPrefix(document)
      .split('\n')
      .find((l) => l.trim() !== '' && !/^#{1,6}\s/.test(l)) ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}
