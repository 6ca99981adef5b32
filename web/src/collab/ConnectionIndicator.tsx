import { useEffect } from 'react';
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
        : saved
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
        className={`save-state ${refused || refusedEdits ? 'is-refused' : !canEdit ? 'is-readonly' : saved ? 'is-saved' : 'is-saving'}`}
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
