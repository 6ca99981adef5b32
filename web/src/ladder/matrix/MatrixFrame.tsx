import { Fragment, useMemo, type CSSProperties, type ReactNode, type Ref } from 'react';
import { groupRuns } from './group-runs.ts';

/**
 * The skeleton every ladder matrix shares (live editor, diff, import preview): a corner, one
 * header per level, a summary row, and competency rows under one group header row per run of the
 * same group. The sticky headers come from the `.matrix` styles. What goes in the headers and
 * cells is the caller's: each slot returns its own `<th>`, `<td>` or `<tr>`.
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
}) {
  const runs = useMemo(() => groupRuns(rows), [rows]);
  const hasGroups = rows.some((r) => r.group);
  const width = columns.length + 1 + (headerEnd ? 1 : 0);
  return (
    <table
      ref={tableRef}
      className={className ? `matrix ${className}` : 'matrix'}
      aria-label={label}
      aria-describedby={describedBy}
      style={style}
    >
      <thead>
        <tr>
          <th scope="col" className="corner">
            <span className="corner-label">Competency</span>
            <span className="corner-sub">Level →</span>
          </th>
          {columns.map(levelHeader)}
          {headerEnd}
        </tr>
      </thead>
      <tbody>
        {summaryCell && (
          <tr className="summary-row">
            <th scope="row" className="row-label">
              Summary
            </th>
            {columns.map(summaryCell)}
            {summaryEnd}
          </tr>
        )}
        {runs.map((run, r) => (
          <Fragment key={`${r}:${run.group}`}>
            {hasGroups && (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={width}>
                  <span className="group-label">{run.group || 'No group'}</span>
                </th>
              </tr>
            )}
            {run.items.map(({ item, index }) => row(item, index))}
          </Fragment>
        ))}
        {rows.length === 0 && noRows && (
          <tr>
            <td colSpan={width} className="no-rows">
              {noRows}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
