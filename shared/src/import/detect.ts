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
};

/** Guess a document's format from its file name, else from its text. */
export function detectFormat(text: string, filename?: string): FormatId {
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext];
  const head = text.replace(/^\s*(<!--[\s\S]*?-->\s*)*/, '').trimStart();
  if (head.startsWith('{')) return 'json';
  if (text.slice(0, 4096).includes('<!-- rungs:ladder')) return 'markdown';
  if (/^<(!doctype\s+html|html|head|body|table|h[1-6]|div|section|article|main|ul|ol|p|meta)\b/i.test(head))
    return 'html';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const firstTab = lines.findIndex((l) => l.includes('\t'));
  if (firstTab >= 0 && tabbed >= 2 && tabbed >= 0.6 * (lines.length - firstTab)) return 'tsv';
  if (/^\s*\|?.*\|.*\n\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/m.test(text)) return 'markdown';
  if (/<table[\s>]/i.test(text) && !/^#{1,6}\s/m.test(text)) return 'html';
  if (isTextTable(text) && !/^#{1,6}\s/m.test(text)) return 'text-table';
  if (looksLikeCsv(lines)) return 'csv';
  return 'markdown';
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

export function csvDelimiter(text: string): ',' | ';' {
  const header = text.split('\n').find((l) => l.trim() !== '' && !/^#{1,6}\s/.test(l)) ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}
