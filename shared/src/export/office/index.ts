import { importDocument } from '../../import/import-document.ts';
import type { FormatId, ImportOptions, ImportWarning } from '../../import/types.ts';
import type { LadderContent } from '../../model/index.ts';
import { EXPORT_FORMATS, exportLadder, type ExportFormat } from '../convert.ts';
import type { HtmlExportOptions } from '../html.ts';
import { exportDocx } from './docx.ts';
import { exportXlsx } from './xlsx.ts';

/**
 * Word and Excel exports (Node only, like their importers: the browser bundle must not pull
 * `docx` and exceljs in). `exportAnyLadder` and `convertAnyDocument` take these and the text formats.
 */
export const BINARY_EXPORT_FORMATS = ['docx', 'xlsx'] as const;
export type BinaryExportFormat = (typeof BINARY_EXPORT_FORMATS)[number];
export type AnyExportFormat = ExportFormat | BinaryExportFormat;
export const ANY_EXPORT_FORMATS: readonly AnyExportFormat[] = [...EXPORT_FORMATS, ...BINARY_EXPORT_FORMATS];

export const BINARY_EXPORT_MEDIA_TYPES: Record<BinaryExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isBinaryExportFormat(value: unknown): value is BinaryExportFormat {
  return typeof value === 'string' && (BINARY_EXPORT_FORMATS as readonly string[]).includes(value);
}

export function isAnyExportFormat(value: unknown): value is AnyExportFormat {
  return typeof value === 'string' && (ANY_EXPORT_FORMATS as readonly string[]).includes(value);
}

export function exportBinaryLadder(content: LadderContent, to: BinaryExportFormat): Promise<Uint8Array> {
  return to === 'docx' ? exportDocx(content) : exportXlsx(content);
}

/** A ladder in any export format: text for Markdown, CSV, JSON and HTML; bytes for Word and Excel. */
export async function exportAnyLadder(
  content: LadderContent,
  to: AnyExportFormat,
  options: HtmlExportOptions = {},
): Promise<string | Uint8Array> {
  return isBinaryExportFormat(to) ? exportBinaryLadder(content, to) : exportLadder(content, to, options);
}

export interface AnyConvertResult {
  document: string | Uint8Array;
  from: FormatId;
  warnings: ImportWarning[];
}

/** `convertDocument` for every format, Word and Excel on either side (the CLI's `rungs convert`). */
export async function convertAnyDocument(
  input: string | Uint8Array,
  to: AnyExportFormat,
  options: ImportOptions & HtmlExportOptions = {},
): Promise<AnyConvertResult> {
  const result = await importDocument(input, options);
  return {
    document: await exportAnyLadder(result.content, to, options),
    from: result.format,
    warnings: result.warnings,
  };
}
