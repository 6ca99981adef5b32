import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { handlePersistedMessages, MESSAGE_PERSISTED } from '../../web/src/collab/persisted.ts';
import { connectRawEditor } from './raw-client.ts';
import type { ConnectionEvents, Editor, Endpoint } from './editor.ts';
import type { BenchDocument } from './servers/index.ts';
import type { DeliveryTracker } from './tracker.ts';

export type ClientKind = 'provider' | 'raw';

/**
 * Connects an editor whose arrivals `tracker` times: a real provider, or the lean raw client
 * when a hundred providers in one process would saturate it (see raw-client.ts).
 */
export function connectEditor(
  kind: ClientKind,
  endpoint: Endpoint,
  document: BenchDocument,
  tracker: DeliveryTracker | null,
  doc = new Y.Doc(),
  /** With several servers: which one `endpoint` is, so that the tracker can tell cross-server pairs. */
  group = 0,
  /** Raw clients only: errors and unexpected closes. */
  events?: ConnectionEvents,
): Editor {
  if (kind === 'raw') {
    return connectRawEditor(
      endpoint,
      document,
      doc,
      tracker ? tracker.updateReceiver(doc.clientID, group) : () => {},
      events,
    );
  }
  tracker?.attach(doc, group);
  return connectProviderEditor(endpoint, document, doc);
}

/**
 * A real client as the browser runs it, over Node's `ws`: y-websocket's `WebsocketProvider`
 * for Rungs and the y-websocket relay, `@hocuspocus/provider` for Hocuspocus (its protocol
 * prefixes every message with the document name and authenticates first).
 */
export function connectProviderEditor(
  endpoint: Endpoint,
  document: BenchDocument,
  doc = new Y.Doc(),
  /** Rungs only: told how far this client's own edits are stored (its clock), as the browser reads it. */
  onStored?: (clock: number) => void,
): Editor {
  if (endpoint.protocol === 'hocuspocus') {
    const socket = new HocuspocusProviderWebsocket({ url: endpoint.wsUrl, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: document.name,
      document: doc,
    });
    provider.attach();
    return {
      doc,
      awareness: provider.awareness!,
      isSynced: () => provider.isSynced,
      destroy() {
        provider.destroy();
        socket.destroy();
        doc.destroy();
      },
    };
  }
  const cookie = document.cookie;
  // Browsers send the session cookie on the upgrade; in Node the header is added by hand.
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const provider = new WebsocketProvider(endpoint.wsUrl, document.name, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  // Rungs acknowledges stored updates with message 100 ("all changes saved").
  if (onStored) handlePersistedMessages(provider, doc, onStored);
  else provider.messageHandlers[MESSAGE_PERSISTED] = () => {};
  return {
    doc,
    awareness: provider.awareness,
    isSynced: () => provider.synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
