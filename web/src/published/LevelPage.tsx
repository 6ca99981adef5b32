import { Fragment } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { getVersion } from '../api/versions.ts';
import { cellKey, isEmptyDoc } from '../domain.ts';
import { levelName } from '../ladder/level-label.ts';
import { groupRuns } from '../ladder/matrix/group-runs.ts';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ladderPath, useLadderShell } from './ladder-context.ts';

/**
 * `/ladders/:slug/levels/:levelId`: one level of the published ladder on its own page, with a
 * link that stays valid across versions (levels keep their id). `?version=N` shows an older one.
 */
export function LevelPage() {
  const { slug = '', levelId = '' } = useParams();
  const [params] = useSearchParams();
  const { ladder, latest } = useLadderShell();
  const requested = Number(params.get('version')) || null;
  const versionNumber = requested ?? latest?.number ?? null;
  const { state, reload } = useAsync(
    (signal) => (versionNumber ? getVersion(slug, versionNumber, signal) : Promise.resolve(null)),
    [slug, versionNumber],
  );
  const level =
    state.status === 'ready' && state.value
      ? state.value.content.levels.find((l) => l.id === levelId)
      : undefined;
  useDocumentTitle(level ? `${levelName(level, '')} · ${ladder.title}` : ladder.title);

  if (!versionNumber) {
    return (
      <EmptyState title="Not published yet">
        <p className="muted">This ladder has no published version, so its levels have no pages yet.</p>
      </EmptyState>
    );
  }
  if (state.status === 'loading') return <Loading label="Loading level…" />;
  if (state.status === 'error' || !state.value) {
    return (
      <ErrorState
        title="Could not load this level"
        message={state.status === 'error' ? errorMessage(state.error) : 'Nothing to show.'}
        action={
          <button type="button" className="button primary" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  }
  const { content, version } = state.value;
  const index = content.levels.findIndex((l) => l.id === levelId);
  if (!level) {
    return (
      <ErrorState
        title="Level not found"
        message={`Version ${version.number} of this ladder has no such level. It may have been removed.`}
        action={
          <Link className="button primary" to={ladderPath(slug)}>
            All levels
          </Link>
        }
      />
    );
  }
  const prev = content.levels[index - 1];
  const next = content.levels[index + 1];
  const old = latest && version.number !== latest.number;
  const query = old ? `?version=${version.number}` : '';

  return (
    <article className="level-page" aria-labelledby="level-page-title">
      <nav className="level-nav" aria-label="Levels">
        <Link to={ladderPath(slug)}>← All levels</Link>
        <span className="level-nav-steps">
          {prev && (
            <Link to={ladderPath(slug, `/levels/${encodeURIComponent(prev.id)}${query}`)} rel="prev">
              ← {levelName(prev, '')}
            </Link>
          )}
          {next && (
            <Link to={ladderPath(slug, `/levels/${encodeURIComponent(next.id)}${query}`)} rel="next">
              {levelName(next, '')} →
            </Link>
          )}
        </span>
      </nav>
      {old && (
        <p className="old-version-note">
          You are reading version {version.number}.{' '}
          <Link to={ladderPath(slug, `/levels/${encodeURIComponent(level.id)}`)}>
            See this level in the current version
          </Link>
          .
        </p>
      )}
      <header className="level-page-head">
        <h2 id="level-page-title">
          <span className="level-page-code">{level.code}</span> {level.title}
        </h2>
        <p className="small muted">
          {ladder.title} · version {version.number}
        </p>
        {prev && (
          <Link
            className="button subtle"
            to={ladderPath(
              slug,
              `/compare?lower=${encodeURIComponent(prev.id)}&higher=${encodeURIComponent(level.id)}`,
            )}
          >
            What is new from {levelName(prev, '')}
          </Link>
        )}
      </header>
      {!isEmptyDoc(level.summary) && (
        <div className="rich-text level-page-summary">
          <RichTextView doc={level.summary} />
        </div>
      )}
      {level.attributes.length > 0 && (
        <dl className="level-attributes">
          {level.attributes.map((a, i) => (
            <div key={`${a.key}:${i}`}>
              <dt>{a.key}</dt>
              <dd>{a.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {content.competencies.length === 0 && <p className="muted">This ladder has no competencies yet.</p>}
      {groupRuns(content.competencies).map((run, r) => (
        <Fragment key={`${r}:${run.group}`}>
          {run.group && <h3 className="level-page-group">{run.group}</h3>}
          <dl className="level-page-rows">
            {run.items.map(({ item: c }) => {
              const cell = content.cells[cellKey(level.id, c.id)];
              return (
                <div key={c.id} className="level-page-row" id={`competency-${c.id}`}>
                  <dt>
                    {c.name || 'Untitled competency'}
                    {!isEmptyDoc(c.description) && (
                      <div className="rich-text small muted">
                        <RichTextView doc={c.description} />
                      </div>
                    )}
                  </dt>
                  <dd>
                    {cell && !isEmptyDoc(cell) ? (
                      <div className="rich-text">
                        <RichTextView doc={cell} />
                      </div>
                    ) : (
                      <span className="muted">No expectations written for this level.</span>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Fragment>
      ))}
    </article>
  );
}
