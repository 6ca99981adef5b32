import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { diffVersions, getVersion } from '../api/versions.ts';
import { DiffView } from '../diff/DiffView.tsx';
import { ladderPath, useLadderShell } from '../published/ladder-context.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { rangePath } from './HistoryTab.tsx';

function parseRange(range: string): [number, number] | null {
  const match = /^(\d+)\.\.(\d+)$/.exec(range);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return from > 0 && to > 0 ? [from, to] : null;
}

/** `/ladders/:slug/history/:from..:to`: what changed between two published versions. */
export function VersionDiffPage() {
  const { slug = '', range = '' } = useParams();
  const { ladder, versions } = useLadderShell();
  const navigate = useNavigate();
  const parsed = parseRange(range);
  const [from, to] = parsed ?? [0, 0];
  useDocumentTitle(`v${from} → v${to} · ${ladder.title}`);
  const { state, reload } = useAsync(
    async (signal) => {
      if (!parsed) throw new Error(`“${range}” is not a range of versions: use e.g. 1..2.`);
      const [diff, base, head] = await Promise.all([
        diffVersions(slug, from, to, signal),
        getVersion(slug, from, signal),
        getVersion(slug, to, signal),
      ]);
      return { diff, base: base.content, head: head.content };
    },
    [slug, range],
  );

  const between = versions.filter((v) => v.number > Math.min(from, to) && v.number <= Math.max(from, to));

  return (
    <div className="version-diff">
      <div className="section-head">
        <div>
          <Link className="small back-link" to={ladderPath(slug, '/history')}>
            ← Version history
          </Link>
          <h2 id="version-diff-title">
            Changes from version {from} to version {to}
          </h2>
        </div>
        {versions.length > 1 && (
          <div className="range-pickers" role="group" aria-label="Versions to compare">
            <label className="inline-field">
              From
              <select
                value={from}
                onChange={(e) => navigate(rangePath(slug, Number(e.target.value), to), { replace: true })}
              >
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    v{v.number}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              To
              <select
                value={to}
                onChange={(e) => navigate(rangePath(slug, from, Number(e.target.value)), { replace: true })}
              >
                {versions.map((v) => (
                  <option key={v.number} value={v.number}>
                    v{v.number}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </div>
      {from < to && between.length > 0 && (
        <ol className="range-changelog" aria-label="Versions in this range">
          {[...between].reverse().map((v) => (
            <li key={v.number}>
              <Link to={ladderPath(slug, `/versions/${v.number}`)}>v{v.number}</Link>{' '}
              <strong>{v.title}</strong>
              {v.description && <span className="muted"> — {v.description}</span>}
              {v.author && <span className="muted small"> · by {v.author.name}</span>}
            </li>
          ))}
        </ol>
      )}
      {from > to && (
        <p className="muted small">
          Reading backwards: what going back from version {from} to version {to} changes.
        </p>
      )}
      {state.status === 'loading' && <Loading label="Comparing versions…" />}
      {state.status === 'error' && (
        <ErrorState
          title="Could not compare these versions"
          message={errorMessage(state.error)}
          action={
            <button type="button" className="button primary" onClick={reload}>
              Try again
            </button>
          }
        />
      )}
      {state.status === 'ready' && (
        <DiffView
          base={state.value.base}
          head={state.value.head}
          diff={state.value.diff.diff}
          label={`Changes from version ${from} to version ${to}`}
        />
      )}
    </div>
  );
}
