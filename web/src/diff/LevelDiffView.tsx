import { useMemo } from 'react';
import { cellKey, isEmptyDoc, type LadderContent } from '../domain.ts';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { levelName } from '../ladder/level-label.ts';
import { BlockDiffView } from './BlockDiffView.tsx';
import type { CellExtras } from './ContentMatrix.tsx';
import { diffLayout } from './diff-layout.ts';
import type { LadderDiff } from './types.ts';

/** One level of a diff, competency by competency: what changed in each of its cells. */
export function LevelDiffView({
  base,
  head,
  diff,
  levelId,
  onlyChanged,
  cellExtras,
}: {
  base: LadderContent;
  head: LadderContent;
  diff: LadderDiff;
  levelId: string;
  onlyChanged: boolean;
  cellExtras?: CellExtras;
}) {
  const layout = useMemo(() => diffLayout(base, head, diff), [base, head, diff]);
  const column = layout.columns.find((c) => c.id === levelId) ?? layout.columns[0];
  if (!column) return <p className="muted">This ladder has no levels.</p>;
  const rows = layout.rows
    .map((row) => ({ row, cell: layout.cell(column.id, row.id) }))
    .filter(({ row, cell }) => !onlyChanged || cell.diff || row.status !== 'same' || row.rename);

  return (
    <section className={`level-diff status-${column.status}`} aria-labelledby={`level-diff-${column.id}`}>
      <header className="level-diff-head">
        <h3 id={`level-diff-${column.id}`}>
          {column.rename?.code ? (
            <>
              <del className="diff-del">{column.rename.code.from}</del>{' '}
              <ins className="diff-ins">{column.rename.code.to}</ins>
            </>
          ) : (
            column.code
          )}{' '}
          <span className="level-diff-title">
            {column.rename?.title ? (
              <>
                <del className="diff-del">{column.rename.title.from}</del>{' '}
                <ins className="diff-ins">{column.rename.title.to}</ins>
              </>
            ) : (
              column.title
            )}
          </span>
        </h3>
        {column.status !== 'same' && (
          <span className={`diff-tag tag-${column.status}`}>
            {column.status === 'added' ? 'New' : 'Removed'}
          </span>
        )}
        {column.moved && (
          <span className="diff-tag tag-moved">
            Moved from position {column.moved.from + 1} to {column.moved.to + 1}
          </span>
        )}
      </header>
      <div className="level-diff-summary">
        {column.summaryDiff ? (
          <BlockDiffView blocks={column.summaryDiff} />
        ) : isEmptyDoc(column.summary) ? null : (
          <div className="rich-text">
            <RichTextView doc={column.summary} />
          </div>
        )}
      </div>
      {rows.length === 0 && <p className="muted">Nothing changed at this level.</p>}
      <dl className="level-diff-rows">
        {rows.map(({ row, cell }) => {
          const label = `${row.name || 'Competency'} at ${levelName(column)}`;
          return (
            <div
              key={row.id}
              className={`level-diff-row status-${row.status} ${cell.diff ? `is-${cell.diff.change}` : ''}`}
              data-cell-key={cellKey(column.id, row.id)}
              data-change={cell.diff?.change}
            >
              <dt>
                {row.rename?.name ? (
                  <>
                    <del className="diff-del">{row.rename.name.from}</del>{' '}
                    <ins className="diff-ins">{row.rename.name.to}</ins>
                  </>
                ) : (
                  row.name || 'Untitled competency'
                )}
                {row.group && <span className="muted small"> · {row.group}</span>}
                {row.status !== 'same' && (
                  <span className={`diff-tag tag-${row.status}`}>
                    {row.status === 'added' ? 'New' : 'Removed'}
                  </span>
                )}
              </dt>
              <dd>
                {cell.diff ? (
                  <BlockDiffView blocks={cell.diff.blocks} />
                ) : cell.doc ? (
                  <div className="rich-text">
                    <RichTextView doc={cell.doc} />
                  </div>
                ) : (
                  <span className="muted">Empty</span>
                )}
                {cellExtras?.(column.id, row.id, label)}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
