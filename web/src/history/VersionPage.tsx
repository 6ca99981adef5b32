import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { getVersion } from '../api/versions.ts';
import { ContentMatrix } from '../diff/ContentMatrix.tsx';
import { isEmptyDoc } from '../domain.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { ladderPath, useLadderShell } from '../published/ladder-context.ts';
import { VersionByline } from '../published/PublishedTab.tsx';
import { RichTextView } from '../richtext/RichTextView.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { rangePath } from './HistoryTab.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

/** `/ladders/:slug/versions/:version`: any published version, read-only, with a way to restore it. */
export function VersionPage() {
  const { slug = '', version: param = '' } = useParams();
  const { ladder, latest, canEdit } = useLadderShell();
  const number = Number(param);
  const [restoring, setRestoring] = useState(false);
  useDocumentTitle(`v${param} · ${ladder.title}`);
  const { state, reload } = useAsync((signal) => getVersion(slug, number, signal), [slug, number]);

  if (state.status === 'loading') return <Loading label={`Loading version ${param}…`} />;
  if (state.status === 'error') {
    const missing =
      state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400);
    return (
      <ErrorState
        title={missing ? `There is no version ${param}` : 'Could not load this version'}
        message={missing ? 'It may not be published yet.' : errorMessage(state.error)}
        action={
          <div className="form-actions center">
            {!missing && (
              <button type="button" className="button primary" onClick={reload}>
                Try again
              </button>
            )}
            <Link className="button" to={ladderPath(slug, '/history')}>
              Version history
            </Link>
          </div>
        }
      />
    );
  }
  const { version, content } = state.value;
  const current = latest?.number === version.number;
  return (
    <section className="version-page" aria-labelledby="version-title">
      <div className="section-head">
        <div>
          <Link className="small back-link" to={ladderPath(slug, '/history')}>
            ← Version history
          </Link>
          <h2 id="version-title">
            Version {version.number}: {version.title}
          </h2>
          {version.description && <p className="changelog-description">{version.description}</p>}
          <VersionByline version={version} />
        </div>
        <div className="published-actions">
          {version.number > 1 && (
            <Link className="button subtle" to={rangePath(slug, version.number - 1, version.number)}>
              Changes in this version
            </Link>
          )}
          {!current && latest && (
            <Link className="button subtle" to={rangePath(slug, version.number, latest.number)}>
              Compare with current (v{latest.number})
            </Link>
          )}
          {canEdit && !current && latest && (
            <button type="button" className="button" onClick={() => setRestoring(true)}>
              Restore version {version.number}
            </button>
          )}
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
          <ExportMenu name={slug} version={version.number} getContent={() => content} />
        </div>
      </div>
      {!current && latest && (
        <p className="old-version-note">
          This is an old version. The current one is{' '}
          <Link to={ladderPath(slug)}>version {latest.number}</Link>.
        </p>
      )}
      {!isEmptyDoc(content.description) && (
        <div className="rich-text published-description">
          <RichTextView doc={content.description} />
        </div>
      )}
      <ContentMatrix
        head={content}
        label={`${content.title}, version ${version.number}`}
        levelHref={(levelId) =>
          ladderPath(
            slug,
            `/levels/${encodeURIComponent(levelId)}${current ? '' : `?version=${version.number}`}`,
          )
        }
      />
      {restoring && latest && (
        <RestoreDialog
          slug={slug}
          version={version}
          latest={latest.number}
          onCancel={() => setRestoring(false)}
        />
      )}
    </section>
  );
}
