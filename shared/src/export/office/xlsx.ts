import ExcelJS from 'exceljs';
import { withoutIds } from '../../import/canonical.ts';
import { formatLevelName } from '../../import/level-name.ts';
import { LADDER_SHEET, gridFingerprint, loadWorkbook, sheetGrid } from '../../import/office/xlsx-grid.ts';
import { cellKey, type LadderContent, type RichText } from '../../model/index.ts';
import { hasContent } from '../has-content.ts';
import { mdastToMarkdown } from '../markdown.ts';
import { blocksToMdast } from '../pm-to-mdast.ts';

function markdown(doc: RichText | undefined): string {
  return hasContent(doc) ? mdastToMarkdown(blocksToMdast(doc.content!)).trim() : '';
}

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** A spreadsheet cell holds at most 32 767 characters: the embedded ladder is split over rows. */
const CHUNK = 30_000;

function ladderSheet(workbook: ExcelJS.Workbook, content: LadderContent): void {
  const sheet = workbook.addWorksheet('Ladder');
  const grouped = content.competencies.some((c) => c.group);
  const head = [...(grouped ? ['Group'] : []), 'Competency', ...content.levels.map(formatLevelName)];
  if (content.title) {
    sheet.addRow([content.title]).font = { bold: true, size: 14 };
  }
  const description = markdown(content.description);
  if (description) sheet.addRow([description]);
  const header = sheet.addRow(head);
  header.font = { bold: true };
  for (const c of content.competencies) {
    sheet.addRow([
      ...(grouped ? [c.group] : []),
      c.name,
      ...content.levels.map((l) => markdown(content.cells[cellKey(l.id, c.id)])),
    ]);
  }
  sheet.columns.forEach((col, i) => {
    col.width = i < (grouped ? 2 : 1) ? 22 : 45;
    col.alignment = WRAP;
  });
  sheet.views = [{ state: 'frozen', xSplit: grouped ? 2 : 1, ySplit: header.number }];
}

function levelsSheet(workbook: ExcelJS.Workbook, content: LadderContent): void {
  const keys = [...new Set(content.levels.flatMap((l) => l.attributes.map((a) => a.key)))];
  const withText = content.levels.some((l) => hasContent(l.summary) || l.attributes.length);
  const described = content.competencies.filter((c) => hasContent(c.description));
  if (withText) {
    const sheet = workbook.addWorksheet('Levels');
    sheet.addRow(['Level', 'Summary', ...keys]).font = { bold: true };
    for (const l of content.levels)
      sheet.addRow([
        formatLevelName(l),
        markdown(l.summary),
        ...keys.map((k) => l.attributes.find((a) => a.key === k)?.value ?? ''),
      ]);
    sheet.columns.forEach((col, i) => ((col.width = i === 1 ? 60 : 24), (col.alignment = WRAP)));
  }
  if (described.length) {
    const sheet = workbook.addWorksheet('Competencies');
    sheet.addRow(['Group', 'Competency', 'Description']).font = { bold: true };
    for (const c of described) sheet.addRow([c.group, c.name, markdown(c.description)]);
    sheet.columns.forEach((col, i) => ((col.width = i === 2 ? 60 : 24), (col.alignment = WRAP)));
  }
}

function workbookOf(content: LadderContent): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rungs';
  ladderSheet(workbook, content);
  levelsSheet(workbook, content);
  return workbook;
}

/** The workbook alone, without the embedded ladder: read back from what it shows. */
export async function exportShownXlsx(content: LadderContent): Promise<Uint8Array> {
  return new Uint8Array(await workbookOf(content).xlsx.writeBuffer());
}

/**
 * An Excel workbook of the ladder: levels as columns, one row per competency (a group column when
 * it has groups), cells wrapped; level summaries and attributes, and competency descriptions, on
 * their own sheets. The ladder rides along in a very hidden sheet with a fingerprint of the
 * visible ones, so it reads back exactly until someone edits it.
 */
export async function exportXlsx(content: LadderContent): Promise<Uint8Array> {
  const plain = await exportShownXlsx(content);
  const shown = (await loadWorkbook(plain)).worksheets.map(sheetGrid);
  const workbook = workbookOf(content);
  const data = workbook.addWorksheet(LADDER_SHEET, { state: 'veryHidden' });
  const json = JSON.stringify(withoutIds(content));
  for (let i = 0; i * CHUNK < Math.max(1, json.length); i++) {
    const chunk = json.slice(i * CHUNK, (i + 1) * CHUNK);
    data.addRow(i === 0 ? [chunk, gridFingerprint(shown)] : [chunk]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
