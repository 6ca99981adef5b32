import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { withoutIds } from '../../import/canonical.ts';
import { importDocument } from '../../import/import-document.ts';
import { FIXTURES_DIR } from '../../import/testing/paths.ts';
import { cellKey, plainText, type LadderContent } from '../../model/index.ts';
import { exportDocx, exportShownDocx } from './docx.ts';
import { exportShownXlsx, exportXlsx } from './xlsx.ts';

async function ladder(file: string): Promise<LadderContent> {
  return (
    await importDocument(new Uint8Array(readFileSync(path.join(FIXTURES_DIR, file))), { filename: file })
  ).content;
}

const names = (c: LadderContent) => ({
  levels: c.levels.map((l) => [l.code, l.title]),
  competencies: c.competencies.map((x) => `${x.group}/${x.name}`),
});

function cellTexts(c: LadderContent): string[] {
  return c.levels.flatMap((l) =>
    c.competencies.map((x) => plainText(c.cells[cellKey(l.id, x.id)] ?? { type: 'doc', content: [] })),
  );
}

describe('Word and Excel exports read from what they show', () => {
  it('Word: one section per level; without the embedded ladder the same levels, competencies and text', async () => {
    const L = await ladder('headings.md');
    const shown = await importDocument(await exportShownDocx(L));
    expect(shown.format).toBe('docx');
    expect(names(shown.content)).toEqual(names(L));
    expect(cellTexts(shown.content)).toEqual(cellTexts(L));
    const docx = await exportDocx(L);
    expect(new TextDecoder('latin1').decode(docx)).toContain('PK');
  });

  it('Excel: levels as columns, a group column, wrapped cells; read back from the sheet alone', async () => {
    const L = await ladder('front-matter.md');
    const bytes = await exportShownXlsx(L);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(3).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Group', 'Competency']);
    expect(sheet.getRow(4).getCell(3).alignment?.wrapText).toBe(true);
    const shown = await importDocument(bytes);
    expect(shown.layout).toBe('matrix-levels-as-columns');
    expect(names(shown.content)).toEqual(names(L));
    expect(cellTexts(shown.content)).toEqual(cellTexts(L));
  });

  it('an exported workbook edited afterwards is read from its cells, not the ladder it carried', async () => {
    const L = await ladder('front-matter.md');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(L)).buffer as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(4).getCell(3);
    cell.value = 'Edited in Excel.';
    const back = await importDocument(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(JSON.stringify(back.content.cells)).toContain('Edited in Excel.');
    expect(withoutIds(back.content)).not.toEqual(withoutIds(L));
  });
});
