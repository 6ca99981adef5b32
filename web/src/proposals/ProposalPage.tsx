import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { listThreads } from '../api/comments.ts';
import { getProposal, getProposalContent, type ProposalDetail } from '../api/proposals.ts';
import { canEdit as roleCanEdit } from '../api/session.ts';
import { getVersion } from '../api/versions.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { CollabProvider, useCollab } from '../collab/CollabContext.tsx';
import { ConnectionIndicator } from '../collab/ConnectionIndicator.tsx';
import { PresenceBar } from '../collab/PresenceBar.tsx';
import type { CollabSession } from '../collab/session.ts';
import { emptyLadderContent, parseCellKey, type LadderContent } from '../domain.ts';
import { LiveExportMenu } from '../export/LiveExportMenu.tsx';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { CellExtrasContext } from '../ladder/matrix/cell-extras.tsx';
import { levelName } from '../ladder/level-label.ts';
import { ladderPath } from '../published/ladder-context.ts';
import { ChecksPanel } from '../review/ChecksPanel.tsx';
import { commentExtras } from '../review/CellCommentButton.tsx';
import {
  CommentsContext,
  threadsByCell,
  type ActiveCell,
  type CommentsState,
} from '../review/comments-context.tsx';
import { CommentsPanel } from '../review/CommentsPanel.tsx';
import { VerdictPanel } from '../review/VerdictPanel.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { changeCount } from './change-count.ts';
import { ProposalAbout } from './ProposalAbout.tsx';
import { ProposalActions } from './ProposalActions.tsx';
import { withLiveDocument } from './live-proposal.ts';
import { announceChange, useProposalSync } from './proposal-sync.ts';
import { useLiveDocument } from './use-live-document.ts';
import {
  ChangesView,
  FrozenView,
  LiveEditorView,
  PreviewView,
  RefusedEditsNotice,
} from './ProposalViews.tsx';
import { canReview } from './roles.ts';
import { StateBadge } from './StateBadge.tsx';
import { useRefreshable, type Refreshable } from './use-refreshable.ts';
import './proposals.css';
import '../review/review.css';

type View = 'edit' | 'changes' | 'preview';

function LiveSession({ children }: { children(session: CollabSession): ReactNode }) {
  return <>{children(useCollab())}</>;
}

function cellLabeler(content: LadderContent | undefined): (key: string) => string {
  const levels = new Map(content?.levels.map((l) => [l.id, levelName(l, 'a level')]));
  const competencies = new Map(content?.competencies.map((c) => [c.id, c.name || 'a competency']));
  return (key) => {
    const { levelId, competencyId } = parseCellKey(key);
    const level = levels.get(levelId);
    const competency = competencies.get(competencyId);
    return level && competency ? `${competency} at ${level}` : 'a cell that no longer exists';
  };
}

/** The proposal page once the proposal is loaded, with or without its live document. */
function ProposalWorkspace({
  detail,
  session,
  view,
}: {
  detail: Refreshable<ProposalDetail>;
  session: CollabSession | null;
  view: View;
}) {
  const served = detail.value!;
  const { user } = useAuth();
  const slug = served.ladder.slug;
  const n = served.number;
  const canEdit = roleCanEdit(user.role);
  const active = !served.readOnly;
  const threads = useRefreshable((signal) => listThreads(slug, n, signal), [slug, n]);
  // A live proposal's content is the browser's own document; a frozen one's is asked for once
  // per state (with refused edits still in this browser, the server's copy is the truth).
  const live = useLiveDocument(active ? session : null);
  const frozenContent = useRefreshable<LadderContent | undefined>(
    (signal) => (active && session ? Promise.resolve(undefined) : getProposalContent(slug, n, signal)),
    [slug, n, active, session !== null, served.state],
  );
  const base = useRefreshable<LadderContent>(
    (signal) =>
      served.baseVersion
        ? getVersion(slug, served.baseVersion, signal).then((v) => v.content)
        : Promise.resolve(emptyLadderContent(served.ladder.title, served.ladder.track)),
    [slug, served.baseVersion],
  );
  const wantsPublished = (view === 'preview' || served.behindPublished) && served.publishedVersion > 0;
  const published = useRefreshable<LadderContent | undefined>(
    (signal) =>
      wantsPublished
        ? getVersion(slug, served.publishedVersion, signal).then((v) => v.content)
        : Promise.resolve(
            served.publishedVersion
              ? undefined
              : emptyLadderContent(served.ladder.title, served.ladder.track),
          ),
    [slug, served.publishedVersion, wantsPublished],
  );
  const proposal = useMemo(
    () => withLiveDocument(served, live, { base: base.value, published: published.value }),
    [served, live, base.value, published.value],
  );
  const content = active && session ? live?.content : frozenContent.value;
  const [activeCell, setActiveCell] = useState<ActiveCell | null>(null);

  const refreshDetail = detail.refresh;
  const refreshThreads = threads.refresh;
  useProposalSync(session, served.publishedVersion, () => {
    void refreshDetail();
    void refreshThreads();
  });
  // The merge preview is the server's to compute: asked for while it is shown, once edits settle.
  const previewShown = view === 'preview' && active;
  const liveFingerprint = live?.fingerprint;
  useEffect(() => {
    if (!previewShown || liveFingerprint === undefined || liveFingerprint === served.fingerprint) return;
    const timer = window.setTimeout(() => void refreshDetail(), 900);
    return () => window.clearTimeout(timer);
  }, [previewShown, liveFingerprint, served.fingerprint, refreshDetail]);

  const changed = useCallback(async () => {
    await Promise.all([refreshDetail(), refreshThreads()]);
    announceChange(session);
  }, [refreshDetail, refreshThreads, session]);

  const comments = useMemo<CommentsState>(
    () => ({
      threads: threads.value ?? [],
      byCell: threadsByCell(threads.value ?? []),
      activeCell,
      openCell: (cell) => {
        setActiveCell(cell);
        // Bring the cell into view (the matrix, the diff or the level view, whichever is shown).
        requestAnimationFrame(() => {
          const key = CSS.escape(cell.key);
          document
            .querySelector(`[data-cell-key="${key}"], [data-fragment="cell:${key}"]`)
            ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        });
      },
      closeCell: () => setActiveCell(null),
      canComment: canReview(user.role),
    }),
    [threads.value, activeCell, user.role],
  );
  const cellLabel = useMemo(() => cellLabeler(content), [content]);

  const count = changeCount(proposal.changes.diff);
  const base_ = ladderPath(slug, `/proposals/${n}`);
  const tabs: { view: View; to: string; label: string }[] = [
    { view: 'edit', to: base_, label: served.can.edit ? 'Edit' : 'Document' },
    { view: 'changes', to: `${base_}/changes`, label: `Changes (${count})` },
  ];
  if (proposal.preview) tabs.push({ view: 'preview', to: `${base_}/preview`, label: 'Merge preview' });

  let main: ReactNode;
  if (view === 'changes') main = <ChangesView proposal={proposal} base={base.value} head={content} />;
  else if (view === 'preview') main = <PreviewView proposal={proposal} published={published.value} />;
  else if (active && session) main = <LiveEditorView />;
  else
    main = (
      <>
        {session && <RefusedEditsNotice state={proposal.state} />}
        <FrozenView proposal={proposal} content={content} />
      </>
    );

  const loadError = [frozenContent.error, base.error, published.error].find(Boolean);

  return (
    <CommentsContext.Provider value={comments}>
      <CellExtrasContext.Provider value={commentExtras}>
        <div className="proposal-page" data-state={proposal.state}>
          <header className="proposal-header">
            <div className="proposal-header-main">
              <nav className="breadcrumb" aria-label="Breadcrumb">
                <Link to="/">Ladders</Link>
                <span aria-hidden="true"> / </span>
                <Link to={ladderPath(slug)}>{proposal.ladder.title}</Link>
                <span aria-hidden="true"> / </span>
                <Link to={ladderPath(slug, '/proposals')}>Proposals</Link>
              </nav>
              <div className="proposal-title-line">
                <h1>
                  <span className="proposal-number">#{n}</span> {proposal.title}
                </h1>
                <StateBadge state={proposal.state} />
              </div>
            </div>
            {session && (
              <div className="proposal-header-side">
                <ConnectionIndicator readOnly={!active} />
                <div className="live-bar-side">
                  <PresenceBar />
                  <LiveExportMenu name={`${slug}-proposal-${n}`} />
                </div>
              </div>
            )}
          </header>
          <nav className="tabs proposal-tabs" aria-label="Proposal views">
            {tabs.map((t) => (
              <Link
                key={t.view}
                to={t.to}
                className={`tab ${view === t.view ? 'active' : ''}`}
                aria-current={view === t.view ? 'page' : undefined}
              >
                {t.label}
              </Link>
            ))}
          </nav>
          {detail.error || loadError ? (
            <p className="banner banner-error" role="alert">
              {detail.error
                ? `Could not refresh the proposal: ${errorMessage(detail.error)} What you see may be out of date.`
                : `Could not load part of the proposal: ${errorMessage(loadError)}`}
            </p>
          ) : null}
          <div className="proposal-body">
            <div className={`proposal-main view-${view}`}>{main}</div>
            <aside
              id="proposal-panel"
              tabIndex={-1}
              className="proposal-panel"
              aria-label="Proposal details, checks and comments"
            >
              <ProposalAbout proposal={proposal} editable={served.can.edit} onChanged={changed} />
              <ProposalActions proposal={proposal} canEdit={canEdit} onChanged={changed} />
              <ChecksPanel proposal={proposal} showBlockers={!canEdit || proposal.state === 'draft'} />
              <VerdictPanel proposal={proposal} onDone={changed} />
              <CommentsPanel
                slug={slug}
                number={n}
                cellLabel={cellLabel}
                onChanged={changed}
                error={threads.error && !threads.value ? errorMessage(threads.error) : null}
              />
            </aside>
          </div>
        </div>
      </CellExtrasContext.Provider>
    </CommentsContext.Provider>
  );
}

/** `/ladders/:slug/proposals/:number[/changes|/preview]`: one proposal, live. */
export function ProposalPage() {
  const { slug = '', number: param = '', '*': rest = '' } = useParams();
  const n = Number(param);
  const { identity } = useIdentity();
  const view: View = rest === 'changes' ? 'changes' : rest === 'preview' ? 'preview' : 'edit';
  const detail = useRefreshable((signal) => getProposal(slug, n, signal), [slug, n]);
  const proposal = detail.value;
  const editedLive = useRef<string | null>(null);
  useDocumentTitle(proposal ? `#${proposal.number} ${proposal.title} · ${proposal.ladder.title}` : null);

  if (!proposal) {
    if (!detail.error) return <Loading label={`Loading proposal #${param}…`} />;
    const status = detail.error instanceof ApiError ? detail.error.status : 0;
    return (
      <div className="page page-narrow">
        <ErrorState
          title={
            status === 404 || status === 400
              ? `There is no proposal #${param}`
              : status === 403
                ? 'Proposals are for editors and reviewers'
                : 'Could not load this proposal'
          }
          message={
            status === 403
              ? 'Your role reads the published ladder and its history.'
              : errorMessage(detail.error)
          }
          action={
            <div className="form-actions center">
              {status !== 404 && status !== 403 && (
                <button type="button" className="button primary" onClick={() => void detail.refresh()}>
                  Try again
                </button>
              )}
              <Link className="button" to={ladderPath(slug)}>
                Back to the ladder
              </Link>
            </div>
          }
        />
      </div>
    );
  }
  // Once edited live here, the session stays when the proposal becomes read-only (published or
  // closed meanwhile): edits it refused stay in this browser, and the page says so.
  if (!proposal.readOnly) editedLive.current = proposal.documentName;
  if (proposal.readOnly && editedLive.current !== proposal.documentName)
    return <ProposalWorkspace detail={detail} session={null} view={view} />;
  return (
    <CollabProvider docName={proposal.documentName} identity={identity}>
      <LiveSession>
        {(session) => <ProposalWorkspace detail={detail} session={session} view={view} />}
      </LiveSession>
    </CollabProvider>
  );
}
