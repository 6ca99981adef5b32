import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { ImportError } from '../errors.ts';

/** The very hidden sheet our Excel export writes the ladder into, so it reads back exactly. */
export const LADDER_SHEET = 'rungs-ladder';

export interface SheetGrid {
  name: string;
  visible: boolean;
  /** Rows of cell text (trailing empty cells cut), with each row's 1-based number in the sheet. */
  rows: Array<{ row: number; cells: string[] }>;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((r) => r.text).join('');
}

/** A cell's value as text: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return richText(value);
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || typeof result === 'object' ? '' : String(result);
    }
    if ('text' in value && 'hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'string' ? text : cellString(text as ExcelJS.CellValue);
    }
    if ('error' in value) return '';
  }
  return '';
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch (e) {
    throw new ImportError(
      'corrupt_file',
      `The Excel file could not be read (${(e as Error)?.message ?? String(e)}); open it in Excel, save it again and re-upload.`,
    );
  }
  return workbook;
}

/**
 * A sheet's cells as text. A cell merged down a column (a group spanning several competencies)
 * repeats its text in every row; one merged across a row keeps it in its first column only.
 */
export function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: SheetGrid['rows'] = [];
  const width = Math.min(sheet.columnCount, 500);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      cells.push(master.col !== cell.col ? '' : cellString(master.value).replace(/\r\n?/g, '\n'));
    }
    while (cells.length && !cells[cells.length - 1]!.trim()) cells.pop();
    if (cells.length) rows.push({ row: r, cells });
  }
  return { name: sheet.name, visible: sheet.state === 'visible' || sheet.state === undefined, rows };
}

/** Whether a sheet holds a table: two rows with two filled cells or more. */
export function holdsTable(grid: SheetGrid): boolean {
  return grid.rows.filter((r) => r.cells.filter((c) => c.trim()).length >= 2).length >= 2;
}

/** What the visible sheets say, hashed: our export's embedded ladder is trusted only while this matches. */
export function gridFingerprint(grids: SheetGrid[]): string {
  const visible = grids.filter((g) => g.visible && g.name !== LADDER_SHEET);
  return createHash('sha256')
    .update(JSON.stringify(visible.map((g) => [g.name, g.rows])))
    .digest('hex');
}
