import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { typeRichTextRoots } from '../domain.ts';
import type { Identity } from '../identity/identity.ts';
import { trackConnectionStatus, type ConnectionStatus } from './connection-status.ts';
import { EditingStore } from './editing.ts';
import { PresenceStore } from './presence.ts';
import type { Store } from './store.ts';

export function collabServerUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/collab`;
}

/** One open collaboration room: its Y.Doc, the websocket provider, and what the UI follows. */
export interface CollabSession {
  docName: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  status: Store<ConnectionStatus>;
  presence: PresenceStore;
  editing: EditingStore;
  setIdentity(identity: Identity): void;
  destroy(): void;
}

/**
 * Closes after which reconnecting would only repeat the refusal: y-websocket's default (44xx),
 * plus 1009, since the too-large change would be sent again on every reconnect.
 */
export function shouldReconnect(event: CloseEvent): boolean {
  return !(event.code === 1009 || (event.code >= 4400 && event.code < 4500));
}

export function openCollabSession(docName: string, identity: Identity): CollabSession {
  const doc = new Y.Doc();
  const sent = { largest: 0 };
  // Remembers the largest frame sent on the current socket, to say how big a refused change was.
  class MeasuringWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sent.largest = 0;
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const size =
        typeof data === 'string' ? data.length : data instanceof Blob ? data.size : data.byteLength;
      sent.largest = Math.max(sent.largest, size);
      super.send(data);
    }
  }
  const provider = new WebsocketProvider(collabServerUrl(), docName, doc, {
    maxBackoffTime: 5000,
    shouldReconnect,
    WebSocketPolyfill: MeasuringWebSocket,
  });
  const awareness = provider.awareness;
  const setIdentity = (who: Identity) =>
    awareness.setLocalStateField('user', { name: who.name, color: who.color });
  setIdentity(identity);
  // Before the status below says "loaded" and the matrix renders every cell: its cells' roots
  // typed in one transaction instead of one each (listeners run in the order they were added).
  const typeRoots = (synced: boolean) => synced && typeRichTextRoots(doc);
  provider.on('sync', typeRoots);
  const status = trackConnectionStatus(provider, doc, () => sent.largest);
  const presence = new PresenceStore(awareness);
  const editing = new EditingStore(awareness);
  return {
    docName,
    doc,
    provider,
    awareness,
    status: status.store,
    presence,
    editing,
    setIdentity,
    destroy() {
      provider.off('sync', typeRoots);
      status.destroy();
      presence.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
