import type { PMNode } from '../../model/index.ts';
import type { TableBlock } from '../document.ts';
import { ImportError } from '../errors.ts';

/** A grid cell from any table-like source: its plain text and its rich content. */
export interface GridCell {
  text: string;
  blocks: PMNode[];
}

export function paragraph(text: string, marks?: PMNode['marks']): PMNode {
  const node: PMNode = { type: 'text', text };
  if (marks?.length) node.marks = marks;
  return { type: 'paragraph', content: [node] };
}

export function boldParagraph(text: string): PMNode {
  return paragraph(text, [{ type: 'bold' }]);
}

/** Short single-paragraph text (a label or an attribute value), no lists. */
export function isShortCell(cell: GridCell, maxChars = 80): boolean {
  if (cell.text.length > maxChars) return false;
  return cell.blocks.length <= 1 && cell.blocks.every((b) => b.type === 'paragraph');
}

/** A label cell: short, at most two paragraphs ("**Process**<br><br>**Design**"), no lists. */
export function isLabelCell(cell: GridCell): boolean {
  if (!cell.text || cell.text.length > 120 || cell.text.split(' ').length > 14) return false;
  return cell.blocks.length <= 2 && cell.blocks.every((b) => b.type === 'paragraph' || b.type === 'heading');
}

function allBold(cell: GridCell): boolean {
  const texts: PMNode[] = [];
  const visit = (n: PMNode) => (n.type === 'text' ? texts.push(n) : (n.content ?? []).forEach(visit));
  cell.blocks.forEach(visit);
  return texts.length > 0 && texts.every((t) => (t.marks ?? []).some((m) => m.type === 'bold'));
}

/** A body row that is really a header: every cell short and bold ("**Responsibility** | **Key Behaviors**"). */
export function isHeaderLikeRow(row: GridCell[]): boolean {
  return row.length > 0 && row.every((c) => c.text !== '' && c.text.length <= 60 && allBold(c));
}

/** Refuse a table whose rows do not all have the table's number of cells (trailing empty cells aside). */
export function assertRectangular(
  rows: GridCell[][],
  rowLines: number[],
  columns: number,
  what = 'The table',
): void {
  rows.forEach((row, i) => {
    let n = row.length;
    while (n > columns && row[n - 1]!.text === '' && row[n - 1]!.blocks.length === 0) n--;
    if (n !== columns) {
      const line = rowLines[i] || undefined;
      throw new ImportError(
        'ragged_rows',
        `${what} has ragged rows: ${line ? `the row on line ${line}` : `row ${i + 1}`} has ${n} cell${n === 1 ? '' : 's'} but the table has ${columns} columns. Make every row the same length.`,
        line,
      );
    }
  });
}

/** Body rows of a two-column table listing competency → expectations ("Responsibility | Key Behaviors"). */
export function responsibilityRows(
  table: TableBlock,
): Array<{ name: string; label: GridCell; cell: GridCell; line: number }> | null {
  if (table.columns !== 2 || table.rows.length === 0) return null;
  let start = table.header ? 1 : 0;
  if (!table.header && table.rows[0] && isHeaderLikeRow(table.rows[0]) && table.rows.length > 1) start = 1;
  if (table.rows.some((row) => row.length === 0)) return null;
  const body = table.rows.slice(start);
  if (!body.length) return null;
  if (
    !body.every(
      (row) => row[0] && (isLabelCell(row[0]) || (row[0].text === '' && (row[1]?.text ?? '') === '')),
    )
  )
    return null;
  assertRectangular(table.rows, table.rowLines, 2);
  return body
    .map((row, i) => ({
      name: row[0]!.text,
      label: row[0]!,
      cell: row[1]!,
      line: table.rowLines[start + i] ?? table.line,
    }))
    .filter((r) => r.name !== '');
}

/** A table that is not structure: its content as blocks (column by column for a label row over a content row). */
export function tableToBlocks(table: TableBlock): PMNode[] {
  const rows = table.rows;
  if (rows.length === 2 && rows[0]!.length === rows[1]!.length) {
    return rows[0]!.flatMap((cell, j) => [...cell.blocks, ...(rows[1]![j]?.blocks ?? [])]);
  }
  return rows.flatMap((row) => row.flatMap((c) => c.blocks));
}

const ATTRIBUTE_NAME =
  /\b(years?|yoe|xp|experience|seniority|public title|job title|title|position|salary|compensation|band|grade|scope of action|scope|team size|headcount|span of control|reports? to|job code|job family)\b/i;

/** A level attribute rather than a competency: "Years of experience: 15+", "Seniority: Senior". */
export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

export function isAttribute(name: string, values: GridCell[]): boolean {
  return (
    isAttributeName(name) &&
    values.some((v) => v.text !== '') &&
    values.every((v) => v.text === '' || isShortCell(v))
  );
}
