import { importLadder } from '../import/import-ladder.ts';
import type { FormatId, ImportOptions, ImportWarning } from '../import/types.ts';
import { exportCsv } from './csv.ts';
import { exportHtml, type HtmlExportOptions } from './html.ts';
import { exportJson } from './json.ts';
import { exportMarkdown } from './markdown.ts';
import type { LadderContent } from '../model/index.ts';

export const EXPORT_FORMATS = ['json', 'md', 'csv', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Write a ladder in one of the export formats. */
export function exportLadder(
  content: LadderContent,
  to: ExportFormat,
  options: HtmlExportOptions = {},
): string {
  switch (to) {
    case 'json':
      return exportJson(content);
    case 'md':
      return exportMarkdown(content);
    case 'csv':
      return exportCsv(content);
    case 'html':
      return exportHtml(content, options);
  }
}

export interface ConvertResult {
  /** The converted document (what the CLI prints on stdout). */
  document: string;
  /** The format the source was read as. */
  from: FormatId;
  warnings: ImportWarning[];
}

/** Read any importable document and write it as `to` (the CLI's `rungs convert`). Throws `ImportError`. */
export function convertDocument(
  text: string | Uint8Array,
  to: ExportFormat,
  options: ImportOptions & HtmlExportOptions = {},
): ConvertResult {
  const result = importLadder(text, options);
  return {
    document: exportLadder(result.content, to, options),
    from: result.format,
    warnings: result.warnings,
  };
}
