import type { LadderBuilder } from '../ladder-builder.ts';
import { isLevelCode, parseLevelName } from '../level-name.ts';
import type { LayoutId } from '../types.ts';
import type { Warnings } from '../warnings.ts';
import { assertRectangular, type GridCell } from './cells.ts';

/**
 * Long form: one row per level × competency, e.g. `Level code, Level title, Group, Competency, Text`
 * (what `exportCsv` writes) or `Level, Competency, Expectations`. A row with empty text still
 * declares its level and competency. A row with no competency holds the level's summary (and its
 * attributes, in the columns this reader does not know); a row with no level, a competency's
 * description, or with neither, the ladder's description.
 */
const COLUMNS = {
  code: /^(level[ _-]?code|code)$/i,
  title: /^(level[ _-]?(title|name)|title)$/i,
  level: /^(level|grade|band|role|position|seniority level)$/i,
  group: /^(group|pillar|category|theme|area|competency[ _-]?group|domain)$/i,
  competency:
    /^(competency|competency[ _-]?name|competence|skill|dimension|criteria|criterion|attribute|behaviou?r)$/i,
  text: /^(text|expectations?|description|behaviou?rs|details?|content|cell|definition|examples?|indicators?)$/i,
};

export interface LongFormColumns {
  code: number;
  title: number;
  level: number;
  group: number;
  competency: number;
  text: number;
}

export function longFormColumns(header: string[]): LongFormColumns | null {
  const find = (re: RegExp) => header.findIndex((h) => re.test(h.trim()));
  const cols: LongFormColumns = {
    code: find(COLUMNS.code),
    title: find(COLUMNS.title),
    // With a code and a title column, a "Level" or "Grade" column is an attribute, not the level.
    level: find(COLUMNS.code) >= 0 && find(COLUMNS.title) >= 0 ? -1 : find(COLUMNS.level),
    group: find(COLUMNS.group),
    competency: find(COLUMNS.competency),
    text: find(COLUMNS.text),
  };
  const hasLevel = cols.code >= 0 || cols.title >= 0 || cols.level >= 0;
  if (!hasLevel || cols.competency < 0 || cols.text < 0) return null;
  return cols;
}

export function readLongForm(
  rows: GridCell[][],
  rowLines: number[],
  b: LadderBuilder,
  w: Warnings,
): LayoutId | null {
  const header = rows[0]?.map((c) => c.text);
  if (!header) return null;
  const cols = longFormColumns(header);
  if (!cols) return null;
  assertRectangular(rows, rowLines, header.length);
  const at = (row: GridCell[], j: number) => (j >= 0 ? (row[j]?.text ?? '') : '');
  const levelValues = rows.slice(1).map((r) => at(r, cols.level));
  // Any other column holds level attributes, on the rows that name a level but no competency.
  const known = new Set(Object.values(cols));
  const attributeCols = header.map((h, j) => j).filter((j) => !known.has(j) && header[j]!.trim());
  const levelIsCode = cols.level >= 0 && levelValues.filter(Boolean).every(isLevelCode);
  rows.slice(1).forEach((row, i) => {
    if (row.every((c) => !c.text)) return;
    let name = { code: at(row, cols.code), title: at(row, cols.title) };
    if (cols.level >= 0) {
      const v = at(row, cols.level);
      if (cols.code < 0 && cols.title < 0) name = levelIsCode ? { code: v, title: '' } : parseLevelName(v);
      else if (cols.code < 0) name.code = v;
      else if (cols.title < 0) name.title = v;
    }
    const compName = at(row, cols.competency);
    if (!name.code && !name.title && compName) {
      // A competency without a level: its description (what our export writes).
      b.competency(compName, at(row, cols.group)).description.push(...row[cols.text]!.blocks);
      return;
    }
    if (!name.code && !name.title) {
      if (row[cols.text]?.text && at(row, cols.group)) {
        w.add(
          'unnamed_level',
          `The row on line ${rowLines[i + 1]} names no level; its text was kept in the ladder description.`,
          rowLines[i + 1],
        );
      }
      b.description.push(...(row[cols.text]?.blocks ?? []));
      return;
    }
    const level = b.levelNamed(name);
    if (!compName) {
      if (row[cols.text]?.text) level.summary.push(...row[cols.text]!.blocks);
      for (const j of attributeCols) b.addAttribute(level, header[j]!, at(row, j));
      return;
    }
    const comp = b.competency(compName, at(row, cols.group), level.id);
    b.appendCell(level, comp, row[cols.text]!.blocks, rowLines[i + 1]);
  });
  return 'long-form';
}
