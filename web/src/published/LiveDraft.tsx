import { ReadOnlyNotice } from '../auth/ReadOnlyNotice.tsx';
import { useCanEdit } from '../auth/use-can-edit.ts';
import { CollabProvider } from '../collab/CollabContext.tsx';
import { ConnectionIndicator } from '../collab/ConnectionIndicator.tsx';
import { afterCloseAdvice } from '../collab/connection-status.ts';
import { useDocumentOpenState } from '../collab/hooks.ts';
import { PresenceBar } from '../collab/PresenceBar.tsx';
import { LiveExportMenu } from '../export/LiveExportMenu.tsx';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { Matrix } from '../ladder/matrix/Matrix.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

function LiveMatrix() {
  const { loaded, fatal, closeReason, closeCode } = useDocumentOpenState();
  const canEdit = useCanEdit();
  if (!loaded) {
    if (fatal) {
      return (
        <ErrorState
          title="The draft can't be opened"
          message={closeReason ?? 'The server closed the connection.'}
        />
      );
    }
    return (
      <div className="page-loading">
        <Loading label="Opening the draft…" />
        <ConnectionIndicator />
      </div>
    );
  }
  return (
    <>
      <div className="live-bar">
        <ConnectionIndicator />
        <PresenceBar />
        <LiveExportMenu />
      </div>
      {!canEdit && <ReadOnlyNotice />}
      {fatal && closeReason && (
        <div className="banner banner-error" role="alert">
          {closeReason} {afterCloseAdvice(closeCode)}
        </div>
      )}
      <Matrix />
    </>
  );
}

/** A live document (the first draft of a ladder), co-edited by editors and followed by readers. */
export function LiveDraft({ documentName }: { documentName: string }) {
  const { identity } = useIdentity();
  return (
    <div className="live-draft">
      <CollabProvider docName={documentName} identity={identity}>
        <LiveMatrix />
      </CollabProvider>
    </div>
  );
}
