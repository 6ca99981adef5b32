import type { ReactNode } from 'react';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { getLadder } from '../api/ladders.ts';
import { canEdit } from '../api/session.ts';
import { useAsync } from '../api/use-async.ts';
import { listVersions } from '../api/versions.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { canAdminister, canReview } from '../proposals/roles.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { ladderPath, type LadderShellContext } from './ladder-context.ts';
import './published.css';

function Tab({ to, active, children }: { to: string; active: boolean; children: ReactNode }) {
  return (
    <Link to={to} className={`tab ${active ? 'active' : ''}`} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}

/**
 * `/ladders/:slug/*`: the ladder's header and tabs (Published, or First draft before the first
 * publication; Proposals, History, Compare levels, and Settings for admins).
 */
export function LadderShell() {
  const { slug = '' } = useParams();
  const { user } = useAuth();
  const { pathname } = useLocation();
  const { state, reload } = useAsync(
    (signal) => Promise.all([getLadder(slug, signal), listVersions(slug, signal)]),
    [slug],
  );

  if (state.status === 'loading') return <Loading label="Loading ladder…" />;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <div className="page page-narrow">
        <ErrorState
          title={notFound ? 'Ladder not found' : 'Could not load this ladder'}
          message={
            notFound
              ? `There is no ladder at “${slug}”. It may have been renamed.`
              : errorMessage(state.error)
          }
          action={
            <div className="form-actions center">
              {!notFound && (
                <button type="button" className="button primary" onClick={reload}>
                  Try again
                </button>
              )}
              <Link className="button" to="/">
                All ladders
              </Link>
            </div>
          }
        />
      </div>
    );
  }

  const [ladder, versions] = state.value;
  const latest = versions[0] ?? null;
  const context: LadderShellContext = {
    ladder,
    versions,
    latest,
    reload,
    canEdit: canEdit(user.role),
    canSeeProposals: canReview(user.role),
    canManage: canAdminister(user.role),
  };
  const base = ladderPath(ladder.slug);
  const rest = pathname.slice(base.length);
  const publishedActive = rest === '' || rest === '/' || rest.startsWith('/levels/');
  const historyActive = rest.startsWith('/history') || rest.startsWith('/versions/');

  return (
    <div className="ladder-page">
      <header className="shell-header">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link to="/">Ladders</Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <div className="shell-title-line">
          <h1 className="shell-title">{ladder.title}</h1>
          {ladder.track && <span className="track-pill">{ladder.track}</span>}
          {ladder.archived && <span className="badge badge-archived">Archived</span>}
          <span className="shell-version muted">
            {latest ? (
              <>
                Version {latest.number} · published{' '}
                <time dateTime={latest.publishedAt} title={fullDate(latest.publishedAt)}>
                  {timeAgo(latest.publishedAt)}
                </time>
              </>
            ) : (
              'Not published yet'
            )}
          </span>
        </div>
        <nav className="tabs" aria-label="Ladder sections">
          <Tab to={base} active={publishedActive}>
            {latest ? (
              'Published'
            ) : (
              // Before the first publication this tab holds the first draft, not a published ladder.
              <>
                First draft
                <span className="tab-note">
                  <span className="visually-hidden">, </span>not published yet
                </span>
              </>
            )}
          </Tab>
          {context.canSeeProposals && (
            <Tab to={`${base}/proposals`} active={rest.startsWith('/proposals')}>
              Proposals
            </Tab>
          )}
          <Tab to={`${base}/history`} active={historyActive}>
            History
          </Tab>
          <Tab to={`${base}/compare`} active={rest.startsWith('/compare')}>
            Compare levels
          </Tab>
          {context.canManage && (
            <Tab to={`${base}/settings`} active={rest.startsWith('/settings')}>
              Settings
            </Tab>
          )}
        </nav>
      </header>
      <div className="shell-body">
        <Outlet context={context} />
      </div>
    </div>
  );
}
