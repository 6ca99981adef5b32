import { ImportError } from '../errors.ts';
import { LadderBuilder } from '../ladder-builder.ts';
import type { GridCell } from '../layout/cells.ts';
import { paragraph } from '../layout/cells.ts';
import { readLongForm } from '../layout/long-form.ts';
import { readMatrix } from '../layout/matrix.ts';
import type { LayoutId } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { readDelimited, type DelimitedTable } from './delimited.ts';
import { textCells } from './text-cell.ts';

/** A CSV or TSV ladder: long form (one row per level × competency) or a levels × competencies matrix. */
export function ladderFromDelimited(
  text: string,
  delimiter: ',' | '\t' | ';',
): { builder: LadderBuilder; warnings: Warnings; layout: LayoutId; exact: boolean } {
  return ladderFromTable(readDelimited(text, delimiter));
}

/** A spreadsheet's rows (from CSV, TSV or an Excel sheet), cells as Markdown or HTML text. */
export function ladderFromTable(
  table: DelimitedTable,
  warnings = new Warnings(),
): { builder: LadderBuilder; warnings: Warnings; layout: LayoutId; exact: boolean } {
  const builder = new LadderBuilder(warnings);
  const preamble = [...table.preamble];
  const titleLine = preamble.shift();
  if (titleLine) builder.title = titleLine.text.replace(/^#{1,6}\s+/, '').trim();
  builder.description.push(...preamble.map((p) => paragraph(p.text)));
  if (table.rows.length < 2) {
    throw new ImportError(
      'no_ladder',
      table.rows.length
        ? `The table has a header row (line ${table.rowLines[0]}) but no rows under it.`
        : 'The document has no table rows.',
      table.rowLines[0],
    );
  }
  const flat = textCells(table.rows.flat());
  let k = 0;
  const rows: GridCell[][] = table.rows.map((r) => r.map(() => flat[k++]!));
  const layout =
    readLongForm(rows, table.rowLines, builder, warnings) ??
    readMatrix({ rows, rowLines: table.rowLines }, builder, warnings);
  if (!layout) {
    throw new ImportError(
      'no_ladder',
      `The table's header row (line ${table.rowLines[0]}) names neither levels nor competencies the importer understands.`,
      table.rowLines[0],
    );
  }
  // Long form names every level × competency explicitly: a skeleton with no text yet is still a ladder.
  const exact = layout === 'long-form';
  if (exact && builder.filledCellCount() === 0)
    warnings.add(
      'empty_cells',
      'Every cell is empty: the ladder has levels and competencies but no expectations yet.',
    );
  return { builder, warnings, layout, exact };
}
