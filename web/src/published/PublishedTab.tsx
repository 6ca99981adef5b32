import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { getVersion } from '../api/versions.ts';
import { ContentMatrix } from '../diff/ContentMatrix.tsx';
import { isEmptyDoc } from '../domain.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { fullDate } from '../ladders/format.ts';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { ladderPath, useLadderShell } from './ladder-context.ts';
import { LiveDraft } from './LiveDraft.tsx';

/**
 * Before the first publication: reviewers, editors and admins follow the live first draft;
 * anyone else (viewers) sees published versions only, so this page says when to come back.
 */
function NotPublished() {
  const { ladder, canSeeProposals } = useLadderShell();
  if (!canSeeProposals) {
    return (
      <EmptyState title="Not published yet">
        <p className="muted">
          The first version of this ladder is being written. It appears here once it is published.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="not-published">
        <strong>Not published yet</strong>
        {' — '}
        {ladder.draftDocument ? (
          <>
            <Link to={ladderPath(ladder.slug, '/proposals/1')}>open proposal #1</Link> to review it and
            publish the first version. The draft below is live.
          </>
        ) : (
          <>
            no proposal is in progress; see <Link to={ladderPath(ladder.slug, '/proposals')}>Proposals</Link>.
          </>
        )}
      </div>
      {ladder.draftDocument && <LiveDraft documentName={ladder.draftDocument} />}
    </>
  );
}

/** Who published a version, when, with what changelog. */
export function VersionByline({
  version,
}: {
  version: {
    number: number;
    title: string;
    description: string;
    publishedAt: string;
    author: { name: string } | null;
    approvers: { name: string }[];
  };
}) {
  return (
    <div className="version-byline">
      <p className="small muted">
        Version {version.number}, published{' '}
        <time dateTime={version.publishedAt}>{fullDate(version.publishedAt)}</time>
        {version.author && <> · proposed by {version.author.name}</>}
        {version.approvers.length > 0 && (
          <> · approved by {version.approvers.map((a) => a.name).join(', ')}</>
        )}
      </p>
    </div>
  );
}

/**
 * The Published tab: the matrix of the latest version, read-only. While nothing is published:
 * the live first draft for those who may see it, "Not published yet" for viewers.
 */
export function PublishedTab() {
  const { ladder, latest } = useLadderShell();
  const { slug = '' } = useParams();
  useDocumentTitle(ladder.title);
  const { state, reload } = useAsync(
    (signal) =>
      latest
        ? getVersion(slug, latest.number, signal)
        : Promise.reject(new ApiError('Not published yet', 404, 'not_published')),
    [slug, latest?.number],
  );

  if (!latest) return <NotPublished />;
  if (state.status === 'loading') return <Loading label="Loading the published ladder…" />;
  if (state.status === 'error') {
    return (
      <ErrorState
        title="Could not load the published ladder"
        message={errorMessage(state.error)}
        action={
          <button type="button" className="button primary" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  }
  const { version, content } = state.value;
  return (
    <div className="published-view">
      <div className="published-head">
        <div>
          {!isEmptyDoc(content.description) && (
            <div className="rich-text published-description">
              <RichTextView doc={content.description} />
            </div>
          )}
          <VersionByline version={version} />
        </div>
        <div className="published-actions">
          {version.number > 1 && (
            <Link
              className="button subtle"
              to={ladderPath(slug, `/history/${version.number - 1}..${version.number}`)}
            >
              What changed in v{version.number}
            </Link>
          )}
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <ExportMenu name={slug} version={version.number} getContent={() => content} />
        </div>
      </div>
      <ContentMatrix
        head={content}
        label={`${ladder.title}, version ${version.number}`}
        levelHref={(levelId) => ladderPath(slug, `/levels/${encodeURIComponent(levelId)}`)}
      />
    </div>
  );
}
