import { Fragment, useMemo, type CSSProperties, type ReactNode, type Ref } from 'react';
import { groupRuns } from './group-runs.ts';

/**
 * The skeleton every ladder matrix shares (live editor, diff, import preview): a corner, one
 * header per level, a summary row, and competency rows under one group header row per run of the
 * same group. The sticky headers come from the `.matrix` styles. What goes in the headers and
 * cells is the caller's: each slot returns its own `<th>`, `<td>` or `<tr>`.
 *
 * `rowLayout` lays each row out on its own (a grid of fixed columns, `.matrix-rows`) instead of
 * as one table: typing in a cell then lays out its row, not the 800 cells of a large ladder, and
 * rows out of sight are skipped whole. The elements stay table elements with explicit roles (a
 * table whose CSS display changes may lose its table semantics), and print as a table.
 */
export function MatrixFrame<Column extends { id: string }, Row extends { id: string; group: string }>({
  tableRef,
  className,
  label,
  describedBy,
  style,
  columns,
  rows,
  levelHeader,
  headerEnd,
  summaryCell,
  summaryEnd,
  row,
  noRows,
  rowLayout = false,
}: {
  tableRef?: Ref<HTMLTableElement>;
  /** Classes beside `matrix`. */
  className?: string;
  /** Accessible name of the table. */
  label: string;
  describedBy?: string;
  style?: CSSProperties;
  columns: readonly Column[];
  rows: readonly Row[];
  levelHeader(column: Column, index: number): ReactNode;
  /** A last cell of the header row, after the levels (e.g. "+ Level"). */
  headerEnd?: ReactNode;
  /** One summary `<td>` per level; without it there is no summary row. */
  summaryCell?: (column: Column, index: number) => ReactNode;
  summaryEnd?: ReactNode;
  /** The whole `<tr>` of one competency; `index` is its place among all rows. */
  row(row: Row, index: number): ReactNode;
  /** What the body says when there are no rows (one cell across the table); none: nothing. */
  noRows?: ReactNode;
  /** Rows laid out one by one (slots then give their cells explicit roles: see CompetencyRow). */
  rowLayout?: boolean;
}) {
  const runs = useMemo(() => groupRuns(rows), [rows]);
  const hasGroups = rows.some((r) => r.group);
  const width = columns.length + 1 + (headerEnd ? 1 : 0);
  const classes = ['matrix', rowLayout && 'matrix-rows', className].filter(Boolean).join(' ');
  const layoutStyle = rowLayout ? ({ ...style, '--matrix-levels': columns.length } as CSSProperties) : style;
  return (
    <table
      ref={tableRef}
      className={classes}
      aria-label={label}
      aria-describedby={describedBy}
      style={layoutStyle}
      role="table"
    >
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" className="corner" role="columnheader">
            <span className="corner-label">Competency</span>
            <span className="corner-sub">Level →</span>
          </th>
          {columns.map(levelHeader)}
          {headerEnd}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {summaryCell && (
          <tr className="summary-row" role="row">
            <th scope="row" className="row-label" role="rowheader">
              Summary
            </th>
            {columns.map(summaryCell)}
            {summaryEnd}
          </tr>
        )}
        {runs.map((run, r) => (
          <Fragment key={`${r}:${run.group}`}>
            {hasGroups && (
              <tr className="group-row" role="row">
                <th scope="rowgroup" colSpan={width} role="rowheader">
                  <span className="group-label">{run.group || 'No group'}</span>
                </th>
              </tr>
            )}
            {run.items.map(({ item, index }) => row(item, index))}
          </Fragment>
        ))}
        {rows.length === 0 && noRows && (
          <tr role="row">
            <td colSpan={width} className="no-rows" role="cell">
              {noRows}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
