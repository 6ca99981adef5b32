import { asImportError, importLadder } from './import-ladder.ts';
import { importDocx } from './office/docx-import.ts';
import { importXlsx } from './office/xlsx-import.ts';
import { checkZip, isZip, officeKind } from './office/zip.ts';
import { MAX_IMPORT_BYTES, READABLE_FORMATS } from './decode.ts';
import { ImportError } from './errors.ts';
import type { ImportOptions, ImportResult } from './types.ts';

/**
 * `importLadder` for every format, Word and Excel included (Node only: mammoth and exceljs stay
 * out of the browser bundle). A ZIP archive is checked — its directory against size and entry
 * limits, each entry inflated no further than it declares — before either library opens it.
 */
export async function importDocument(
  input: string | Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    return await importOrThrow(input, options);
  } catch (e) {
    throw asImportError(e);
  }
}

async function importOrThrow(input: string | Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const binaryFormat = options.format === 'docx' || options.format === 'xlsx';
  if (typeof input === 'string' || (!isZip(input) && !binaryFormat)) return importLadder(input, options);
  if (input.byteLength > MAX_IMPORT_BYTES) return importLadder(input, options); // refused as too large
  if (!isZip(input))
    throw new ImportError(
      'corrupt_file',
      `The file is not a ${options.format === 'docx' ? 'Word (.docx)' : 'Excel (.xlsx)'} file: it is not a ZIP archive.`,
    );
  const kind = officeKind(checkZip(input));
  if (!kind)
    throw new ImportError(
      'binary',
      `This is a ZIP archive but not a Word (.docx) or Excel (.xlsx) file. ${READABLE_FORMATS}`,
    );
  if (binaryFormat && kind !== options.format)
    throw new ImportError(
      'unknown_format',
      `The file is ${kind === 'docx' ? 'a Word' : 'an Excel'} file, not ${options.format === 'docx' ? 'a Word' : 'an Excel'} file.`,
    );
  return kind === 'docx' ? importDocx(input, options) : importXlsx(input, options);
}
