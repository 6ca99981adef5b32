import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { listLadders, setLadderArchived, type Ladder } from '../api/ladders.ts';
import { useAsync } from '../api/use-async.ts';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { LadderActivityLine, LadderListActivity } from '../proposals/LadderActivity.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { fullDate, timeAgo } from './format.ts';
import { NewLadderDialog } from './NewLadderDialog.tsx';

function LadderRow({
  ladder,
  canEdit,
  onArchive,
  onUnarchive,
}: {
  ladder: Ladder;
  /** Editors and admins archive and unarchive; readers only follow the link. */
  canEdit: boolean;
  onArchive(): void;
  onUnarchive(): void;
}) {
  return (
    <li className={`ladder-item ${ladder.archived ? 'is-archived' : ''}`}>
      <div className="ladder-item-main">
        <Link to={`/ladders/${encodeURIComponent(ladder.slug)}`} className="ladder-link">
          {ladder.title}
        </Link>
        <div className="ladder-meta">
          {ladder.track ? (
            <span className="track-pill">{ladder.track}</span>
          ) : (
            <span className="muted">No track</span>
          )}
          <span className="muted" title={fullDate(ladder.updatedAt)}>
            Updated {timeAgo(ladder.updatedAt)}
          </span>
          {ladder.archived && <span className="badge badge-archived">Archived</span>}
          {!ladder.archived && <LadderActivityLine slug={ladder.slug} />}
        </div>
      </div>
      {canEdit && (
        <div className="ladder-item-actions">
          {ladder.archived ? (
            <button
              type="button"
              className="button subtle"
              onClick={onUnarchive}
              aria-label={`Unarchive ${ladder.title}`}
            >
              Unarchive
            </button>
          ) : (
            <button
              type="button"
              className="button subtle"
              onClick={onArchive}
              aria-label={`Archive ${ladder.title}`}
            >
              Archive
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** `/`: every ladder; for editors and admins also "New ladder", "Import", archive and unarchive. */
export function LadderListPage() {
  const navigate = useNavigate();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<Ladder | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const canEdit = useCanEdit();
  const { state, reload } = useAsync(
    (signal) => listLadders({ archived: showArchived, signal }),
    [showArchived],
  );
  useDocumentTitle('Ladders');

  async function unarchive(ladder: Ladder) {
    setActionError(null);
    try {
      await setLadderArchived(ladder.slug, false);
      reload();
    } catch (err) {
      setActionError(`Could not unarchive “${ladder.title}”: ${errorMessage(err)}`);
    }
  }

  let body;
  if (state.status === 'loading') body = <Loading label="Loading ladders…" />;
  else if (state.status === 'error')
    body = (
      <ErrorState
        title="Could not load the ladders"
        message={errorMessage(state.error)}
        action={
          <button type="button" className="button primary" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  else if (state.value.length === 0)
    body = (
      <EmptyState title={showArchived ? 'No ladders, archived or not' : 'No ladders yet'}>
        <p className="muted">
          A ladder describes what is expected at each level of a track, competency by competency.{' '}
          {canEdit
            ? 'Create one and invite your co-leaders to write it with you, live.'
            : 'Ladders appear here once an editor creates them.'}
        </p>
        {canEdit && (
          <div className="form-actions center">
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              New ladder
            </button>
            <Link className="button" to="/import">
              Import a document
            </Link>
          </div>
        )}
      </EmptyState>
    );
  else
    body = (
      <ul className="ladder-list" aria-label="Ladders">
        {state.value.map((ladder) => (
          <LadderRow
            key={ladder.id}
            ladder={ladder}
            canEdit={canEdit}
            onArchive={() => setArchiving(ladder)}
            onUnarchive={() => void unarchive(ladder)}
          />
        ))}
      </ul>
    );

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>Ladders</h1>
          <p className="muted">Career ladders your organisation writes together.</p>
        </div>
        <div className="page-header-actions">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
            />
            Show archived
          </label>
          {canEdit && (
            <>
              <Link className="button" to="/import">
                Import
              </Link>
              <button type="button" className="button primary" onClick={() => setCreating(true)}>
                New ladder
              </button>
            </>
          )}
        </div>
      </div>
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      <LadderListActivity>{body}</LadderListActivity>
      {creating && canEdit && (
        <NewLadderDialog
          onCancel={() => setCreating(false)}
          onCreated={(ladder) => navigate(`/ladders/${encodeURIComponent(ladder.slug)}`)}
        />
      )}
      {archiving && canEdit && (
        <ConfirmDialog
          title="Archive this ladder?"
          confirmLabel="Archive"
          onCancel={() => setArchiving(null)}
          onConfirm={async () => {
            await setLadderArchived(archiving.slug, true);
            setArchiving(null);
            reload();
          }}
        >
          <p>
            <strong>{archiving.title}</strong> leaves the list of ladders. Nothing is deleted: you can find it
            under “Show archived” and unarchive it at any time.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
