import type { LadderContent } from '../model/index.ts';

/** The syntax of a source document. */
export const FORMAT_IDS = ['markdown', 'html', 'csv', 'tsv', 'text-table', 'json', 'docx', 'xlsx'] as const;

/** Formats read from a ZIP archive's bytes (by `importDocument`, on the server), never as text. */
export const BINARY_FORMAT_IDS = ['docx', 'xlsx'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How the ladder was laid out inside the document (informational, shown by the wizard). */
export type LayoutId =
  | 'headings'
  | 'competency-headings'
  | 'level-document'
  | 'labelled-bullets'
  | 'matrix-levels-as-rows'
  | 'matrix-levels-as-columns'
  | 'long-form'
  | 'dimension-blocks'
  | 'framework-topics'
  | 'json';

export interface ImportWarning {
  code: string;
  message: string;
  line?: number;
}

export interface ImportOptions {
  /** Skip detection and read the document as this format. */
  format?: FormatId;
  /** Ladder title to use instead of the one found in the document. */
  title?: string;
  /** Original file name; its extension helps detection and its stem is the fallback title. */
  filename?: string;
  /** Excel: the sheet to read (its name, or its 1-based position); by default the first holding a table. */
  sheet?: string;
}

export interface ImportResult {
  content: LadderContent;
  format: FormatId;
  layout: LayoutId;
  warnings: ImportWarning[];
  /** Excel: the workbook's visible sheets, so a sheet can be chosen (option `sheet`). */
  sheets?: string[];
  /** Excel: the sheet that was read (absent when the workbook carried a Rungs export's ladder). */
  sheet?: string;
}

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && (FORMAT_IDS as readonly string[]).includes(value);
}
