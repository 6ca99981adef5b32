import { memo, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CellExtras } from '../ladder/matrix/cell-extras.tsx';
import { MatrixFrame } from '../ladder/matrix/MatrixFrame.tsx';
import { levelName } from '../ladder/level-label.ts';
import { cellKey, isEmptyDoc, type LadderContent, type RichText } from '../domain.ts';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { BlockDiffView } from './BlockDiffView.tsx';
import { diffLayout, type DiffCell, type DiffColumn } from './diff-layout.ts';
import type { BlockDiff, LadderDiff } from './types.ts';
import './diff.css';

export const NO_CHANGES: LadderDiff = {
  ladder: {},
  levels: { added: [], removed: [], renamed: [], moved: [], attributes: [], summary: [] },
  competencies: { added: [], removed: [], renamed: [], moved: [], description: [] },
  cells: [],
};

export type { CellExtras };

function Rich({ doc, blocks, empty }: { doc: RichText | null; blocks?: BlockDiff[]; empty?: string }) {
  if (blocks) return <BlockDiffView blocks={blocks} />;
  if (!doc || isEmptyDoc(doc)) return empty ? <span className="placeholder">{empty}</span> : null;
  return (
    <div className="rich-text">
      <RichTextView doc={doc} />
    </div>
  );
}

function Renamed({ change, value }: { change?: { from: string; to: string }; value: string }) {
  if (!change) return <>{value}</>;
  return (
    <>
      <del className="diff-del">{change.from || '(none)'}</del>{' '}
      <ins className="diff-ins">{change.to || '(none)'}</ins>
    </>
  );
}

const STATUS_LABEL = { added: 'New', removed: 'Removed' } as const;

function StatusTags({
  status,
  moved,
  extra,
}: {
  status: 'same' | 'added' | 'removed';
  moved?: { from: number; to: number };
  extra?: string | false;
}) {
  if (status === 'same' && !moved && !extra) return null;
  return (
    <span className="diff-tags">
      {status !== 'same' && <span className={`diff-tag tag-${status}`}>{STATUS_LABEL[status]}</span>}
      {moved && (
        <span className="diff-tag tag-moved">
          Moved: was #{moved.from + 1}, now #{moved.to + 1}
        </span>
      )}
      {extra && <span className="diff-tag tag-changed">{extra}</span>}
    </span>
  );
}

const LevelHead = memo(function LevelHead({ column, href }: { column: DiffColumn; href?: string }) {
  const code = <Renamed change={column.rename?.code} value={column.code || 'Level'} />;
  return (
    <th
      scope="col"
      className={`level-header diff-level status-${column.status}`}
      data-level-id={column.id}
      data-status={column.status}
    >
      <div className="level-head">
        <span className="level-code">
          {href && column.status !== 'removed' ? <Link to={href}>{code}</Link> : code}
        </span>
        <span className="level-title">
          <Renamed change={column.rename?.title} value={column.title} />
        </span>
        <StatusTags
          status={column.status}
          moved={column.moved}
          extra={column.attributesChanged && 'Attributes changed'}
        />
      </div>
    </th>
  );
});

function CellView({
  cell,
  label,
  extras,
  status,
  dataKey,
}: {
  cell: DiffCell;
  label: string;
  extras?: ReactNode;
  status: string;
  dataKey: string;
}) {
  const change = cell.diff?.change;
  return (
    <td
      className={`cell diff-cell ${change ? `is-${change}` : ''} ${status}`}
      data-cell-key={dataKey}
      data-change={change ?? undefined}
    >
      <div className="diff-cell-body" aria-label={change ? `${label}, ${change}` : label} role="group">
        <Rich doc={cell.doc} blocks={cell.diff?.blocks} />
      </div>
      {extras}
    </td>
  );
}

/**
 * A ladder as a read-only matrix (levels as columns, competencies as rows). With a `diff`, it is
 * the result of that diff with every change marked: new words underlined green, removed words
 * struck red, added / removed / renamed / moved levels and competencies tagged.
 */
export function ContentMatrix({
  base,
  head,
  diff = NO_CHANGES,
  label,
  onlyChanged = false,
  cellExtras,
  levelHref,
}: {
  /** The "before" side (for a plain ladder, the same as `head`). */
  base?: LadderContent;
  head: LadderContent;
  diff?: LadderDiff;
  /** Accessible name of the table. */
  label: string;
  onlyChanged?: boolean;
  cellExtras?: CellExtras;
  levelHref?: (levelId: string) => string;
}) {
  const layout = useMemo(() => diffLayout(base ?? head, head, diff), [base, head, diff]);
  const columns = onlyChanged ? layout.columns.filter((c) => layout.columnChanged(c.id)) : layout.columns;
  const rows = onlyChanged ? layout.rows.filter((r) => layout.rowChanged(r.id)) : layout.rows;

  if (layout.columns.length === 0 && layout.rows.length === 0) {
    return <p className="muted matrix-none">This ladder has no levels or competencies yet.</p>;
  }

  return (
    <div className="content-scroller" role="region" aria-label={label} tabIndex={0}>
      <MatrixFrame
        className="content-matrix"
        label={label}
        columns={columns}
        rows={rows}
        levelHeader={(column) => <LevelHead key={column.id} column={column} href={levelHref?.(column.id)} />}
        summaryCell={(column) => (
          <td
            key={column.id}
            className={`cell summary-cell diff-cell status-${column.status} ${column.summaryDiff ? 'is-changed' : ''}`}
          >
            <div className="diff-cell-body summary-text">
              <Rich doc={column.summary} blocks={column.summaryDiff} />
            </div>
          </td>
        )}
        row={(row) => (
          <tr key={row.id} className={`competency-row status-${row.status}`} data-competency-id={row.id}>
            <th scope="row" className={`competency-header diff-competency status-${row.status}`}>
              <div className="competency-head">
                <span className="competency-name">
                  <Renamed change={row.rename?.name} value={row.name || 'Untitled competency'} />
                </span>
              </div>
              {row.rename?.group && (
                <p className="diff-group-change small">
                  Group: <Renamed change={row.rename.group} value={row.group} />
                </p>
              )}
              <StatusTags status={row.status} moved={row.moved} />
              <div className="competency-description diff-description">
                <Rich doc={row.description} blocks={row.descriptionDiff} />
              </div>
            </th>
            {columns.map((column) => {
              const name = `${row.name || 'Competency'} at ${levelName(column)}`;
              const status =
                row.status === 'removed' || column.status === 'removed'
                  ? 'status-removed'
                  : row.status === 'added' || column.status === 'added'
                    ? 'status-added'
                    : '';
              return (
                <CellView
                  key={column.id}
                  cell={layout.cell(column.id, row.id)}
                  label={name}
                  status={status}
                  dataKey={cellKey(column.id, row.id)}
                  extras={cellExtras?.(column.id, row.id, name)}
                />
              );
            })}
          </tr>
        )}
        noRows={onlyChanged ? 'No competency changed.' : 'No competencies yet.'}
      />
    </div>
  );
}
