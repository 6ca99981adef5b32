import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
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

export function openCollabSession(docName: string, identity: Identity): CollabSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(collabServerUrl(), docName, doc, { maxBackoffTime: 5000 });
  const awareness = provider.awareness;
  const setIdentity = (who: Identity) =>
    awareness.setLocalStateField('user', { name: who.name, color: who.color });
  setIdentity(identity);
  const status = trackConnectionStatus(provider, doc);
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
      status.destroy();
      presence.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
