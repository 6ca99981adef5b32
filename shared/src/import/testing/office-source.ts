import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';

/**
 * The text of a Word or Excel fixture, for the sentence check: read with the libraries' plain
 * readers (mammoth's raw text, exceljs' cell text), not the importer's conversions.
 */
export async function officeSourceText(file: string, sheet?: string): Promise<string> {
  const bytes = readFileSync(file);
  if (file.endsWith('.docx')) return (await mammoth.extractRawText({ buffer: bytes })).value;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const lines: string[] = [];
  for (const ws of workbook.worksheets) {
    if (sheet !== undefined && ws.name !== sheet) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.isMerged || cell.master.address === cell.address) lines.push(cell.text);
      }),
    );
  }
  return lines.join('\n');
}

export const isOfficeFile = (file: string): boolean => /\.(docx|xlsx)$/i.test(file);
