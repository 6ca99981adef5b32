import { useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { LadderContent } from '../domain.ts';
import { levelFullName } from '../ladder/level-label.ts';
import { ChangeSummary } from './ChangeSummary.tsx';
import { ContentMatrix, type CellExtras } from './ContentMatrix.tsx';
import { LevelDiffView } from './LevelDiffView.tsx';
import type { LadderDiff } from './types.ts';

/** Green underline / red strike, explained once above every diff. */
export function DiffLegend() {
  return (
    <p className="diff-legend small" aria-hidden="true">
      <ins className="diff-ins">added</ins>
      <del className="diff-del">removed</del>
      <span className="diff-tag tag-added">New</span>
      <span className="diff-tag tag-removed">Removed</span>
      <span className="diff-tag tag-moved">Moved</span>
    </p>
  );
}

/**
 * A diff between two ladders: the list of changes, then the result as a matrix with every changed
 * cell highlighted, or level by level. The view, the level and "only what changed" live in the
 * URL (`view`, `level`, `all`), so a reload or a shared link shows the same thing.
 */
export function DiffView({
  base,
  head,
  diff,
  label,
  cellExtras,
}: {
  base: LadderContent;
  head: LadderContent;
  diff: LadderDiff;
  /** Accessible name of the matrix, e.g. "Changes from version 1 to version 2". */
  label: string;
  cellExtras?: CellExtras;
}) {
  const [params, setParams] = useSearchParams();
  const id = useId();
  const view = params.get('view') === 'level' ? 'level' : 'matrix';
  const onlyChanged = params.get('all') !== '1';
  const levels = head.levels.length ? head.levels : base.levels;
  const levelId = params.get('level') ?? levels[0]?.id ?? '';

  function set(patch: Record<string, string | null>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  return (
    <div className="diff-view">
      <ChangeSummary diff={diff} />
      <div className="diff-toolbar" role="group" aria-label="How to show the changes">
        <div className="segmented" role="radiogroup" aria-label="View">
          <label className={view === 'matrix' ? 'is-active' : ''}>
            <input
              type="radio"
              name={`${id}-view`}
              checked={view === 'matrix'}
              onChange={() => set({ view: null })}
            />
            Matrix
          </label>
          <label className={view === 'level' ? 'is-active' : ''}>
            <input
              type="radio"
              name={`${id}-view`}
              checked={view === 'level'}
              onChange={() => set({ view: 'level' })}
            />
            By level
          </label>
        </div>
        {view === 'level' && (
          <label className="inline-field">
            Level{' '}
            <select value={levelId} onChange={(e) => set({ level: e.target.value })}>
              {[...levels, ...base.levels.filter((l) => !levels.some((h) => h.id === l.id))].map((l) => (
                <option key={l.id} value={l.id}>
                  {levelFullName(l)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyChanged}
            onChange={(e) => set({ all: e.target.checked ? null : '1' })}
          />
          Only what changed
        </label>
        <DiffLegend />
      </div>
      {view === 'matrix' ? (
        <ContentMatrix
          base={base}
          head={head}
          diff={diff}
          label={label}
          onlyChanged={onlyChanged}
          cellExtras={cellExtras}
        />
      ) : (
        <LevelDiffView
          base={base}
          head={head}
          diff={diff}
          levelId={levelId}
          onlyChanged={onlyChanged}
          cellExtras={cellExtras}
        />
      )}
    </div>
  );
}
