import type { LadderBuilder, LevelDraft } from '../ladder-builder.ts';
import { levelScore, parseLevelName } from '../level-name.ts';
import type { LayoutId } from '../types.ts';
import type { Warnings } from '../warnings.ts';
import { labelColumns } from './group-column.ts';
import { assertRectangular, isAttribute, isShortCell, type GridCell } from './cells.ts';

/**
 * A ladder as one table: levels as rows and competencies as columns, or the other way round.
 * The first row is the header. With levels as columns, a leading group column is allowed
 * ("Pillar | Competency | L1 | L2"), and a row with a label but no cells starts a group.
 * Attribute-like rows/columns (Years of experience, Seniority…) become level attributes.
 */
export interface MatrixInput {
  rows: GridCell[][];
  rowLines: number[];
  /** Group for every competency of this table (tables under group headings). */
  group?: string;
}

const LEVELS_CORNER = /\b(levels?|grade|role|title|position|band|job|seniority|rank)\b/i;
const COMPETENCY_CORNER =
  /\b(competenc(y|ies)|skills?|dimensions?|areas?|categor(y|ies)|pillars?|criteri(a|on)|attributes?|expectations?|focus|responsibilit(y|ies)|traits?|behaviou?rs?|themes?|topics?)\b/i;
const GROUP_HEADER = /\b(groups?|pillars?|categor(y|ies)|themes?|domains?|areas?|families?)\b/i;
const TITLE_COLUMN = /^(title|level title|name|level name|role)$/i;

export function matrixOrientation(rows: GridCell[][]): 'rows' | 'columns' | null {
  if (rows.length < 2 || (rows[0]?.length ?? 0) < 2) return null;
  const header = rows[0]!;
  const corner = header[0]?.text ?? '';
  const body = rows.slice(1);
  const columnLabels = header.slice(1).filter((c) => c.text);
  const rowLabels = body.map((r) => r[0]).filter((c): c is GridCell => Boolean(c?.text));
  const columnsOk = columnLabels.length > 0 && columnLabels.every((c) => isShortCell(c, 150));
  const rowsOk = rowLabels.length > 0 && rowLabels.every((c) => isShortCell(c, 150));
  if (!columnsOk) return null;
  if (LEVELS_CORNER.test(corner) && !COMPETENCY_CORNER.test(corner)) return rowsOk ? 'rows' : null;
  if (COMPETENCY_CORNER.test(corner) || GROUP_HEADER.test(corner)) return 'columns';
  const colScore = columnLabels.reduce((a, c) => a + levelScore(c.text), 0) / columnLabels.length;
  const rowScore = rowLabels.length
    ? rowLabels.reduce((a, c) => a + levelScore(c.text), 0) / rowLabels.length
    : 0;
  if (rowScore > colScore && rowsOk) return 'rows';
  return 'columns';
}

export function readMatrix(input: MatrixInput, b: LadderBuilder, w: Warnings): LayoutId | null {
  const rows = input.rows;
  const orientation = matrixOrientation(rows);
  if (!orientation) return null;
  const header = rows[0]!;
  assertRectangular(rows, input.rowLines, header.length);
  return orientation === 'rows' ? levelsAsRows(input, b, w) : levelsAsColumns(input, b, w);
}

function levelsAsRows(input: MatrixInput, b: LadderBuilder, w: Warnings): LayoutId {
  const [header, ...body] = input.rows;
  const bodyLines = input.rowLines.slice(1);
  const titleCol = header!.length > 2 && TITLE_COLUMN.test(header![1]!.text) ? 1 : -1;
  const attributeCols = new Set<number>();
  header!.forEach((h, j) => {
    if (
      j > 0 &&
      j !== titleCol &&
      isAttribute(
        h.text,
        body.map((r) => r[j]!),
      )
    )
      attributeCols.add(j);
  });
  body.forEach((row, i) => {
    const label = row[0]!.text;
    if (!label && row.every((c) => !c.text)) return;
    if (!label && titleCol < 0)
      w.add('unnamed_level', `A row has no level name; it was named “Level ${i + 1}”.`, bodyLines[i]);
    const name =
      titleCol === 1 ? { code: label, title: row[1]!.text } : parseLevelName(label || `Level ${i + 1}`);
    const level = b.levelNamed(name);
    header!.forEach((h, j) => {
      if (j === 0 || j === titleCol) return;
      if (attributeCols.has(j)) return b.addAttribute(level, h.text, row[j]!.text);
      const comp = b.competency(h.text || `Column ${j + 1}`, input.group ?? '', level.id);
      b.appendCell(level, comp, row[j]!.blocks, bodyLines[i]);
    });
  });
  return 'matrix-levels-as-rows';
}

function levelsAsColumns(input: MatrixInput, b: LadderBuilder, w: Warnings): LayoutId {
  const [header, ...body] = input.rows;
  const bodyLines = input.rowLines.slice(1);
  const columns = labelColumns(header!, body);
  const k = columns.firstLevel;
  const levels: LevelDraft[] = header!.slice(k).map((h, i) => {
    if (!h.text)
      w.add(
        'unnamed_level',
        `Column ${k + i + 1} has no level name; it was named “Level ${i + 1}”.`,
        input.rowLines[0],
      );
    return b.levelNamed(parseLevelName(h.text || `Level ${i + 1}`));
  });
  let group = input.group ?? '';
  body.forEach((row, i) => {
    const label = row[columns.name]!.text;
    const values = row.slice(k);
    if (columns.group >= 0 && row[columns.group]!.text) group = row[columns.group]!.text;
    if (!label && values.every((c) => !c.text)) return;
    if (k === 1 && label && values.every((c) => !c.text) && i < body.length - 1) {
      group = label;
      return;
    }
    if (isAttribute(label, values)) {
      levels.forEach((level, j) => b.addAttribute(level, label, values[j]!.text));
      return;
    }
    if (!label)
      w.add('unnamed_competency', `A row has no competency name; it was named “Row ${i + 2}”.`, bodyLines[i]);
    const comp = b.competency(label || `Row ${i + 2}`, group);
    levels.forEach((level, j) => {
      b.competency(comp.name, comp.group, level.id);
      b.appendCell(level, comp, values[j]!.blocks, bodyLines[i]);
    });
  });
  return 'matrix-levels-as-columns';
}
