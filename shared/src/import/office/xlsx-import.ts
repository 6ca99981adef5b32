import { ladderFromTable } from '../delimited/delimited-ladder.ts';
import type { DelimitedTable } from '../delimited/delimited.ts';
import { ImportError } from '../errors.ts';
import { withNewIds, type PortableLadder } from '../html/embedded-ladder.ts';
import { assertWithinLimits, finishImport } from '../import-ladder.ts';
import type { ImportOptions, ImportResult } from '../types.ts';
import { Warnings } from '../warnings.ts';
import {
  LADDER_SHEET,
  gridFingerprint,
  holdsTable,
  loadWorkbook,
  sheetGrid,
  type SheetGrid,
} from './xlsx-grid.ts';

function chooseSheet(grids: SheetGrid[], wanted: string | undefined): SheetGrid {
  const visible = grids.filter((g) => g.visible && g.name !== LADDER_SHEET);
  if (wanted !== undefined) {
    const byName = visible.find((g) => g.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    const byIndex = /^\d+$/.test(wanted.trim()) ? visible[Number(wanted) - 1] : undefined;
    const found = byName ?? byIndex;
    if (!found)
      throw new ImportError(
        'no_ladder',
        `The workbook has no sheet “${wanted}”; its sheets are ${visible.map((g) => `“${g.name}”`).join(', ')}.`,
      );
    return found;
  }
  const found = visible.find(holdsTable);
  if (!found)
    throw new ImportError(
      'no_ladder',
      'No sheet of the workbook holds a table: expected a row of levels or competencies with rows under it.',
    );
  return found;
}

/** A cell's lines are its paragraphs (list items stay one list). */
function paragraphs(cell: string): string {
  return cell.replace(/\n(?!\s*(?:[-*+]|\d+[.)])\s)(?!\n)/g, '\n\n');
}

/** Rows with at most one filled cell above the table are its title and description, as in a CSV. */
function sheetTable(grid: SheetGrid): DelimitedTable {
  let start = 0;
  while (start < grid.rows.length && grid.rows[start]!.cells.filter((c) => c.trim()).length < 2) start++;
  const preamble = grid.rows
    .slice(0, start)
    .map((r) => ({ text: r.cells.join(' ').trim(), line: r.row }))
    .filter((p) => p.text);
  const body = grid.rows.slice(start);
  const width = Math.max(0, ...body.map((r) => r.cells.length));
  return {
    preamble,
    rows: body.map((r) => [...r.cells.map(paragraphs), ...Array<string>(width - r.cells.length).fill('')]),
    rowLines: body.map((r) => r.row),
  };
}

/** The ladder our export embedded, while the visible sheets are as it wrote them. */
function embedded(grids: SheetGrid[]): ImportResult['content'] | null {
  const data = grids.find((g) => g.name === LADDER_SHEET);
  if (!data) return null;
  const [first, ...rest] = data.rows;
  if (!first || first.cells[1] !== gridFingerprint(grids)) return null;
  try {
    const json = [first.cells[0] ?? '', ...rest.map((r) => r.cells[0] ?? '')].join('');
    return withNewIds(JSON.parse(json) as PortableLadder);
  } catch {
    return null;
  }
}

/** An Excel (.xlsx) workbook: one sheet read as CSV would be (wide or long form). */
export async function importXlsx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const workbook = await loadWorkbook(bytes);
  const grids = workbook.worksheets.map(sheetGrid);
  const sheets = grids.filter((g) => g.visible && g.name !== LADDER_SHEET).map((g) => g.name);
  const exact = embedded(grids);
  if (exact && options.sheet === undefined) {
    if (options.title) exact.title = options.title;
    assertWithinLimits(exact);
    return { content: exact, format: 'xlsx', layout: 'matrix-levels-as-columns', warnings: [], sheets };
  }
  const sheet = chooseSheet(grids, options.sheet);
  const warnings = new Warnings();
  const others = grids.filter((g) => g !== sheet && g.visible && g.name !== LADDER_SHEET && g.rows.length);
  if (others.length)
    warnings.add(
      'sheets_ignored',
      `Read the sheet “${sheet.name}”; the other sheet${others.length === 1 ? '' : 's'} (${others.map((g) => `“${g.name}”`).join(', ')}) ${others.length === 1 ? 'was' : 'were'} ignored.`,
    );
  const built = ladderFromTable(sheetTable(sheet), warnings);
  return { ...finishImport(built, 'xlsx', options), sheets, sheet: sheet.name };
}
