import { useEffect, useState } from 'react';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { useCollab } from './CollabContext.tsx';
import { RETRYABLE_AFTER_FIX, type Connection } from './connection-status.ts';
import { useConnectionStatus } from './hooks.ts';

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  closed: 'Disconnected',
};

/**
 * How long the local edits stay unstored, while connected, before the indicator says "Saving…".
 * The server stores a keystroke within milliseconds: without the wait the label (a live region a
 * screen reader announces) and the page's frame flipped twice per keystroke.
 */
export const SAVING_LABEL_AFTER_MS = 1000;

/** `unsaved`, once it has held for `ms` without a break; false the moment it stops holding. */
function useUnsavedFor(unsaved: boolean, ms: number): boolean {
  const [held, setHeld] = useState(unsaved);
  useEffect(() => {
    if (!unsaved) {
      setHeld(false);
      return;
    }
    const timer = setTimeout(() => setHeld(true), ms);
    return () => clearTimeout(timer);
  }, [unsaved, ms]);
  return unsaved && held;
}

/**
 * Connection state and whether every local edit is stored, always visible in the editor. A reader
 * (a role that can't edit) has no edits to save: it is told "Read only" instead.
 */
export function ConnectionIndicator({ readOnly = false }: { readOnly?: boolean } = {}) {
  const { connection, saved, closeReason, fatal, closeCode } = useConnectionStatus();
  const { provider } = useCollab();
  // A published or closed proposal takes no edits, whatever the role.
  const canEdit = useCanEdit() && !readOnly;
  // Edits still unsaved once the document became read-only were refused by the server.
  const refusedEdits = readOnly && !saved;
  // Refused for good (a change too large, too many tabs): say why here, where saving is reported.
  const refused = fatal && closeReason !== null;
  const canRetry = refused && closeCode !== null && RETRYABLE_AFTER_FIX.has(closeCode);
  // What the label says. `data-saved` and leaving the page follow the exact state (`saved`).
  const savingForAWhile = useUnsavedFor(!saved, SAVING_LABEL_AFTER_MS);
  const shownSaved = saved || (connection === 'connected' && !savingForAWhile);

  // Leaving with edits the server has not stored yet: let the browser ask first.
  useEffect(() => {
    if (saved || (!canEdit && !refusedEdits)) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [saved, canEdit, refusedEdits]);

  const saveLabel = refused
    ? closeReason
    : refusedEdits
      ? 'Your last edits were not saved: read-only now'
      : !canEdit
        ? 'Read only'
        : shownSaved
          ? 'All changes saved'
          : connection === 'connected'
            ? 'Saving…'
            : 'Unsaved changes, kept here until the connection is back';

  return (
    <div
      className="connection"
      role="status"
      aria-live="polite"
      data-connection={connection}
      data-saved={canEdit ? saved : undefined}
      data-readonly={canEdit ? undefined : true}
    >
      <span className={`connection-state is-${connection}`} title={closeReason ?? undefined}>
        <span className="dot" aria-hidden="true" />
        {LABELS[connection]}
      </span>
      <span
        className={`save-state ${refused || refusedEdits ? 'is-refused' : !canEdit ? 'is-readonly' : shownSaved ? 'is-saved' : 'is-saving'}`}
        data-close-code={refused ? (closeCode ?? undefined) : undefined}
      >
        {saveLabel}
      </span>
      {canRetry && (
        <button type="button" className="link-button" onClick={() => provider.connect()}>
          Reconnect
        </button>
      )}
    </div>
  );
}
