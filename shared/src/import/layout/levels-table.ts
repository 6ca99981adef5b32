import type { TableBlock } from '../document.ts';
import type { LevelDraft } from '../ladder-builder.ts';
import { isLevelCode } from '../level-name.ts';
import type { Warnings } from '../warnings.ts';
import { assertRectangular } from './cells.ts';

const CODE_COLUMN = /^(code|level code)$/i;
const TITLE_COLUMN = /^(title|level title|name|level name)$/i;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * A table of levels with their attributes (Level | Seniority | Public Title | Position …) next to
 * level sections: each row's values become the attributes of its level. Rows are matched to the
 * sections in order when the counts agree, else by a cell naming the level. A `Code`/`Title`
 * column sets the level's code/title. When the table names a different level code than the section
 * it was matched to, a warning says so. Returns false when the table does not describe the levels.
 */
export function applyLevelsTable(table: TableBlock, levels: LevelDraft[], warnings: Warnings): boolean {
  if (table.rows.length < 2) return false;
  const header = table.rows[0]!.map((c) => c.text);
  const body = table.rows.slice(1);
  const bodyLines = table.rowLines.slice(1);
  let matches: Array<LevelDraft | undefined>;
  if (body.length === levels.length) matches = levels;
  else {
    matches = body.map((row) =>
      levels.find((l) =>
        row.some((c) => c.text !== '' && (norm(c.text) === norm(l.code) || norm(c.text) === norm(l.title))),
      ),
    );
    if (matches.filter(Boolean).length < Math.max(1, body.length / 2)) return false;
  }
  assertRectangular(table.rows, table.rowLines, table.columns, 'The levels table');
  const codeCol = header.findIndex((h) => CODE_COLUMN.test(h));
  const titleCol = header.findIndex((h) => TITLE_COLUMN.test(h));
  const disagreements: string[] = [];
  body.forEach((row, i) => {
    const level = matches[i];
    if (!level) {
      warnings.add(
        'levels_table',
        `The levels table row “${row.map((c) => c.text).join(' | ')}” matches no level section; it was not imported.`,
        bodyLines[i],
      );
      return;
    }
    const sectionCode = level.code;
    if (codeCol >= 0) level.code = row[codeCol]?.text ?? level.code;
    if (titleCol >= 0) level.title = row[titleCol]?.text ?? level.title;
    row.forEach((cell, j) => {
      if (j === codeCol || j === titleCol) return;
      const key = header[j] || `Column ${j + 1}`;
      if (cell.text) level.attributes.push({ key, value: cell.text });
      if (sectionCode && isLevelCode(cell.text) && norm(cell.text) !== norm(sectionCode)) {
        disagreements.push(
          `the row on line ${bodyLines[i]} says ${key} ${cell.text} for the section ${sectionCode}`,
        );
      }
    });
  });
  if (disagreements.length) {
    warnings.add(
      'levels_disagree',
      `The levels table and the level sections disagree on numbering: ${disagreements.join('; ')}. ` +
        'The sections were imported as they are, with the table’s values (in table order) as their attributes; check which numbering is right.',
      table.line,
    );
  }
  return true;
}
