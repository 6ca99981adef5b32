import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { getLadder, type Ladder } from '../api/ladders.ts';
import { useAsync } from '../api/use-async.ts';
import { ReadOnlyNotice } from '../auth/ReadOnlyNotice.tsx';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { CollabProvider } from '../collab/CollabContext.tsx';
import { ConnectionIndicator } from '../collab/ConnectionIndicator.tsx';
import { useConnectionStatus } from '../collab/hooks.ts';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { LadderHeader } from './LadderHeader.tsx';
import { Matrix } from './matrix/Matrix.tsx';

/** The live editor once the room is open: waits for the first sync, then shows the ladder. */
function LadderWorkspace({
  ladder,
  onLadderChange,
}: {
  ladder: Ladder;
  onLadderChange(ladder: Ladder): void;
}) {
  const { loaded, fatal, closeReason } = useConnectionStatus();
  const canEdit = useCanEdit();
  if (!loaded) {
    if (fatal) {
      return (
        <ErrorState
          title="This ladder can't be opened"
          message={closeReason ?? 'The server closed the connection.'}
          action={
            <Link className="button" to="/">
              Back to ladders
            </Link>
          }
        />
      );
    }
    return (
      <div className="page-loading">
        <Loading label={`Opening “${ladder.title}”…`} />
        <ConnectionIndicator />
      </div>
    );
  }
  return (
    <div className="editor-page">
      <LadderHeader ladder={ladder} onLadderChange={onLadderChange} />
      {!canEdit && <ReadOnlyNotice />}
      {fatal && closeReason && (
        <div className="banner banner-error" role="alert">
          {closeReason} Your latest changes may not be saved; reload the page to try again.
        </div>
      )}
      <Matrix />
    </div>
  );
}

/** `/ladders/:slug`: loads the ladder, then opens its editable document live. */
export function LadderEditorPage() {
  const { slug = '' } = useParams();
  const { identity } = useIdentity();
  const { state, reload, setValue } = useAsync((signal) => getLadder(slug, signal), [slug]);
  useDocumentTitle(state.status === 'ready' ? state.value.title : null);

  if (state.status === 'loading') return <Loading label="Loading ladder…" />;
  if (state.status === 'error') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <ErrorState
        title={notFound ? 'Ladder not found' : 'Could not load this ladder'}
        message={
          notFound ? `There is no ladder at “${slug}”. It may have been renamed.` : errorMessage(state.error)
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
    );
  }
  const ladder = state.value;
  if (!ladder.draftDocument) {
    return (
      <ErrorState
        title="Nothing to edit"
        message="This ladder has no editable document yet."
        action={
          <Link className="button" to="/">
            All ladders
          </Link>
        }
      />
    );
  }
  return (
    <CollabProvider docName={ladder.draftDocument} identity={identity}>
      <LadderWorkspace ladder={ladder} onLadderChange={setValue} />
    </CollabProvider>
  );
}
