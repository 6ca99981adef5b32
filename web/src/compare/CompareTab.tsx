import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { compareLevels, getVersion, type LevelComparison } from '../api/versions.ts';
import { BlockDiffView } from '../diff/BlockDiffView.tsx';
import { levelFullName, levelName } from '../ladder/level-label.ts';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { ladderPath, useLadderShell } from '../published/ladder-context.ts';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import type { Level } from '../domain.ts';
import './compare.css';

type Row = LevelComparison['rows'][number];

const STATUS: Record<Row['status'], { label: string; tag: string }> = {
  new: { label: 'New', tag: 'tag-added' },
  changed: { label: 'More', tag: 'tag-changed' },
  same: { label: 'Same', tag: 'tag-same' },
  dropped: { label: 'Not at higher level', tag: 'tag-removed' },
  empty: { label: 'Empty', tag: 'tag-same' },
};

function ComparisonTable({ comparison, onlyNew }: { comparison: LevelComparison; onlyNew: boolean }) {
  const rows = onlyNew
    ? comparison.rows.filter((r) => r.status === 'new' || r.status === 'changed')
    : comparison.rows;
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={`Comparison of ${levelName(comparison.lower)} and ${levelName(comparison.higher)}`}
      tabIndex={0}
    >
      <table
        className="data-table compare-table"
        aria-label={`${levelName(comparison.lower)} compared with ${levelName(comparison.higher)}`}
      >
        <colgroup>
          <col className="compare-col-competency" />
          <col className="compare-col-level" />
          <col className="compare-col-level" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">{levelFullName(comparison.lower)}</th>
            <th scope="col">
              {levelFullName(comparison.higher)} <span className="compare-note">· new in green</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.competency.id}
              className={`compare-row status-${row.status}`}
              data-status={row.status}
            >
              <th scope="row">
                {row.competency.name || 'Untitled competency'}
                {row.competency.group && (
                  <span className="compare-group muted small">{row.competency.group}</span>
                )}
                <span className={`diff-tag ${STATUS[row.status].tag}`}>{STATUS[row.status].label}</span>
              </th>
              <td>
                {row.lower ? (
                  <div className="rich-text">
                    <RichTextView doc={row.lower} />
                  </div>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {row.higher ? <BlockDiffView blocks={row.newInHigher} /> : <span className="muted">—</span>}
              </td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="no-rows">
                Nothing is new at the higher level.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The Compare levels tab: two levels of the published ladder side by side, with what the higher
 * one expects beyond the lower one highlighted. The choice lives in the URL.
 */
export function CompareTab() {
  const { slug = '' } = useParams();
  const { ladder, latest } = useLadderShell();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(`Compare levels · ${ladder.title}`);
  const ladderState = useAsync(
    (signal) => (latest ? getVersion(slug, latest.number, signal) : Promise.resolve(null)),
    [slug, latest?.number],
  );
  const levels: Level[] =
    ladderState.state.status === 'ready' ? (ladderState.state.value?.content.levels ?? []) : [];
  const pick = (key: string, fallback: Level | undefined) => {
    const id = params.get(key);
    return id && levels.some((l) => l.id === id) ? id : (fallback?.id ?? '');
  };
  const lower = pick('lower', levels[0]);
  const higher = pick('higher', levels.find((l) => l.id !== lower) ?? levels[1]);
  const granularity = params.get('granularity') === 'sentence' ? 'sentence' : 'word';
  const onlyNew = params.get('only') === 'new';
  const comparison = useAsync(
    (signal) =>
      latest && lower && higher && lower !== higher
        ? compareLevels(slug, latest.number, { lower, higher, granularity }, signal)
        : Promise.resolve(null),
    [slug, latest?.number, lower, higher, granularity],
  );

  function set(patch: Record<string, string | null>) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  }

  if (!latest) {
    return (
      <EmptyState title="Not published yet">
        <p className="muted">Levels can be compared once the first version is published.</p>
      </EmptyState>
    );
  }
  if (ladderState.state.status === 'loading') return <Loading label="Loading levels…" />;
  if (ladderState.state.status === 'error') {
    return (
      <ErrorState
        title="Could not load the levels"
        message={errorMessage(ladderState.state.error)}
        action={
          <button type="button" className="button primary" onClick={ladderState.reload}>
            Try again
          </button>
        }
      />
    );
  }
  if (levels.length < 2) {
    return (
      <EmptyState title="Nothing to compare">
        <p className="muted">
          Comparing needs at least two levels; version {latest.number} has {levels.length}.
        </p>
      </EmptyState>
    );
  }

  return (
    <section className="compare" aria-labelledby="compare-title">
      <div className="section-head">
        <div>
          <h2 id="compare-title">Compare levels</h2>
          <p className="muted small">
            What the higher level expects beyond the lower one, competency by competency (version{' '}
            {latest.number}).
          </p>
        </div>
      </div>
      <div className="compare-pickers diff-toolbar">
        <label className="inline-field">
          Lower level
          <select value={lower} onChange={(e) => set({ lower: e.target.value })}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {levelFullName(l)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button subtle"
          onClick={() => set({ lower: higher, higher: lower })}
          aria-label="Swap the two levels"
        >
          ⇄ Swap
        </button>
        <label className="inline-field">
          Higher level
          <select value={higher} onChange={(e) => set({ higher: e.target.value })}>
            {levels.map((l) => (
              <option key={l.id} value={l.id}>
                {levelFullName(l)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Highlight
          <select
            value={granularity}
            onChange={(e) => set({ granularity: e.target.value === 'word' ? null : 'sentence' })}
          >
            <option value="word">new words</option>
            <option value="sentence">new sentences</option>
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyNew}
            onChange={(e) => set({ only: e.target.checked ? 'new' : null })}
          />
          Only competencies with something new
        </label>
      </div>
      {lower === higher && <p className="muted">Pick two different levels.</p>}
      {comparison.state.status === 'loading' && <Loading label="Comparing…" />}
      {comparison.state.status === 'error' && (
        <ErrorState
          title="Could not compare these levels"
          message={errorMessage(comparison.state.error)}
          action={
            <button type="button" className="button primary" onClick={comparison.reload}>
              Try again
            </button>
          }
        />
      )}
      {comparison.state.status === 'ready' && comparison.state.value && (
        <>
          <p className="compare-links small">
            <Link to={ladderPath(slug, `/levels/${encodeURIComponent(lower)}`)}>
              Page of {levelName(comparison.state.value.comparison.lower, 'the lower level')}
            </Link>
            {' · '}
            <Link to={ladderPath(slug, `/levels/${encodeURIComponent(higher)}`)}>
              Page of {levelName(comparison.state.value.comparison.higher, 'the higher level')}
            </Link>
          </p>
          <ComparisonTable comparison={comparison.state.value.comparison} onlyNew={onlyNew} />
        </>
      )}
    </section>
  );
}
