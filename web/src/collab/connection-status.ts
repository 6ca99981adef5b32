import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { handlePersistedMessages } from './persisted.ts';
import { Store } from './store.ts';
import { CloseCode } from '@rungs/shared/api/close-codes';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export interface ConnectionStatus {
  connection: Connection;
  /** The document has been received from the server at least once. */
  loaded: boolean;
  /** Every local edit is durably stored by the server. */
  saved: boolean;
  /** Why the server last closed the connection (e.g. "document not found"), if it did. */
  closeReason: string | null;
  /** The server refused this document for good (4404 …): reconnecting will not help. */
  fatal: boolean;
  /** The close code behind `fatal`, so the UI can offer what helps (e.g. reconnect after undoing). */
  closeCode: number | null;
}

/**
 * Final closes the person can fix and then retry without reloading (close other tabs). A change
 * too large (1009, 4413) is not among them: the browser would send it again on reconnect, since
 * undo keeps the undone text for redo.
 */
export const RETRYABLE_AFTER_FIX = new Set<number>([CloseCode.tooManyConnections]);

const CLOSE_MEANINGS: Record<number, string> = {
  [CloseCode.invalidMessage]: 'The server rejected a malformed message.',
  [CloseCode.messageTooBig]: 'Your last change is too large to save. Undo it or split the text.',
  [CloseCode.serverError]: 'The server hit an error.',
  [CloseCode.sendBufferFull]: 'The connection fell behind the document.',
  [CloseCode.rateLimited]: 'This browser sent too much too fast.',
  [CloseCode.queueFull]: 'This browser sent too much too fast.',
  [CloseCode.notFound]: 'This document does not exist on the server.',
  [CloseCode.ladderTooLarge]: 'Your last change would make the ladder too large. Undo it.',
  [CloseCode.tooManyConnections]: 'Too many connections are open.',
};

/** What to do after a final close, said after its reason in the editor's banner. */
export function afterCloseAdvice(closeCode: number | null): string {
  if (closeCode !== null && RETRYABLE_AFTER_FIX.has(closeCode)) return 'Then press Reconnect.';
  if (closeCode === CloseCode.messageTooBig || closeCode === CloseCode.ladderTooLarge) {
    return 'It was not saved, nor anything after it: reload the page to continue from the saved version.';
  }
  return 'Your latest changes may not be saved; reload the page to try again.';
}

/** Codes whose reason the server writes for people, complete: shown as they are. */
const SELF_EXPLAINING = new Set<number>([
  CloseCode.messageTooBig,
  CloseCode.ladderTooLarge,
  CloseCode.tooManyConnections,
]);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What a person reads about a close. `sentBytes`: the largest frame this browser had just sent. */
export function describeClose(code: number, reason: string, sentBytes = 0): string {
  if (code === CloseCode.messageTooBig && !reason && sentBytes > 0) {
    return `Your last change is too large to save (${mb(sentBytes)}). Undo it or split the text.`;
  }
  if (reason && SELF_EXPLAINING.has(code)) return reason;
  const meaning = CLOSE_MEANINGS[code];
  if (reason && meaning) return `${meaning} (${reason})`;
  return reason || meaning || `Connection closed (code ${code}).`;
}

/**
 * Follows a provider's connection, first sync, and the server's persisted-clock acknowledgements
 * into one `ConnectionStatus` value.
 */
export function trackConnectionStatus(
  provider: WebsocketProvider,
  doc: Y.Doc,
  largestSentBytes: () => number = () => 0,
): {
  store: Store<ConnectionStatus>;
  destroy(): void;
} {
  const store = new Store<ConnectionStatus>({
    connection: navigator.onLine ? 'connecting' : 'offline',
    loaded: false,
    saved: true,
    closeReason: null,
    fatal: false,
    closeCode: null,
  });
  let everConnected = false;
  let storedClock = 0;

  const update = (patch: Partial<ConnectionStatus>) => {
    const prev = store.get();
    const next = { ...prev, ...patch };
    if ((Object.keys(patch) as (keyof ConnectionStatus)[]).some((k) => prev[k] !== next[k])) store.set(next);
  };

  const disconnectedState = (): Connection => {
    if (store.get().fatal) return 'closed';
    if (!navigator.onLine) return 'offline';
    return everConnected ? 'reconnecting' : 'connecting';
  };

  const refreshSaved = () => update({ saved: storedClock >= Y.getState(doc.store, doc.clientID) });

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') {
      everConnected = true;
      update({ connection: 'connected', closeReason: null, fatal: false, closeCode: null });
    } else if (status === 'connecting' && store.get().fatal && provider.shouldConnect) {
      update({ fatal: false, connection: 'reconnecting' }); // the person asked to reconnect
    } else {
      update({ connection: disconnectedState() });
    }
  };
  const onSync = (synced: boolean) => {
    if (synced) update({ loaded: true });
  };
  const onClose = (event: CloseEvent | null) => {
    if (event && event.code !== 1000 && event.code !== 1005 && event.code !== 1006) {
      update({ closeReason: describeClose(event.code, event.reason, largestSentBytes()) });
    }
  };
  const onClosed = (event: { code: number; reason: string }) => {
    update({
      fatal: true,
      connection: 'closed',
      closeCode: event.code,
      closeReason: describeClose(event.code, event.reason, largestSentBytes()),
    });
  };
  // The browser knows it lost the network before the socket does (a dead socket can look open
  // for a long time): say "offline" at once, and reconnect as soon as the network is back.
  const onOnline = () => {
    if (store.get().fatal) return;
    if (provider.wsconnected) {
      update({ connection: 'connected' });
      // The old socket may not have survived the outage: start a fresh one.
      provider.disconnect();
      provider.connect();
    } else update({ connection: disconnectedState() });
  };
  const onOffline = () => {
    if (!store.get().fatal) update({ connection: 'offline' });
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) refreshSaved();
  };

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  provider.on('closed', onClosed);
  doc.on('update', onUpdate);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const stopPersisted = handlePersistedMessages(provider, doc, (clock) => {
    storedClock = Math.max(storedClock, clock);
    refreshSaved();
  });
  if (provider.wsconnected) onStatus({ status: 'connected' });
  if (provider.synced) onSync(true);

  return {
    store,
    destroy() {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('closed', onClosed);
      doc.off('update', onUpdate);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      stopPersisted();
    },
  };
}
