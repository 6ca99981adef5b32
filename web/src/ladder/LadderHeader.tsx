import { DESCRIPTION_FRAGMENT, titleText, trackText } from '../domain.ts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { setLadderArchived, updateLadder, type Ladder } from '../api/ladders.ts';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { useCollab } from '../collab/CollabContext.tsx';
import { ConnectionIndicator } from '../collab/ConnectionIndicator.tsx';
import { LiveExportMenu } from '../export/LiveExportMenu.tsx';
import { PresenceBar } from '../collab/PresenceBar.tsx';
import { useYText } from '../collab/use-y-text.ts';
import { InlineText } from '../ui/InlineText.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { RichTextCell } from './matrix/RichTextCell.tsx';

/**
 * Title, track and description of the ladder being edited, with who is here and the connection.
 * Title and track are renamed through the API (which also writes them into the live document).
 */
export function LadderHeader({
  ladder,
  onLadderChange,
}: {
  ladder: Ladder;
  onLadderChange(ladder: Ladder): void;
}) {
  const { doc } = useCollab();
  const liveTitle = useYText(titleText(doc), `${doc.guid}:title`);
  const liveTrack = useYText(trackText(doc), `${doc.guid}:track`);
  const title = liveTitle || ladder.title;
  const track = liveTrack || ladder.track;
  const [error, setError] = useState<string | null>(null);
  const canEdit = useCanEdit();
  useDocumentTitle(title);

  async function save(patch: { title?: string; track?: string }) {
    setError(null);
    try {
      onLadderChange(await updateLadder(ladder.slug, patch));
    } catch (err) {
      setError(`Could not rename: ${errorMessage(err)}`);
    }
  }

  async function unarchive() {
    setError(null);
    try {
      onLadderChange(await setLadderArchived(ladder.slug, false));
    } catch (err) {
      setError(`Could not unarchive: ${errorMessage(err)}`);
    }
  }

  return (
    <header className="ladder-header">
      <div className="ladder-header-main">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <Link to="/">Ladders</Link>
          <span aria-hidden="true"> / </span>
        </nav>
        <div className="ladder-title-line">
          <InlineText
            as="h1"
            value={title}
            label="Ladder title"
            readOnly={!canEdit}
            required
            className="ladder-title"
            onCommit={(next) => save({ title: next })}
          />
          <InlineText
            value={track}
            label="Track"
            readOnly={!canEdit}
            placeholder="Add a track"
            className="ladder-track"
            onCommit={(next) => save({ track: next })}
          />
          {ladder.archived && (
            <span className="badge badge-archived">
              Archived
              {canEdit && (
                <button type="button" className="link-button" onClick={() => void unarchive()}>
                  Unarchive
                </button>
              )}
            </span>
          )}
        </div>
        <RichTextCell
          fragmentName={DESCRIPTION_FRAGMENT}
          label="ladder description"
          placeholder="Add a description of this ladder"
          className="ladder-description"
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="ladder-header-side">
        <div className="ladder-header-tools">
          <ConnectionIndicator />
          <LiveExportMenu name={ladder.slug} />
        </div>
        <PresenceBar />
      </div>
    </header>
  );
}
