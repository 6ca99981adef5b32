import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitFor } from './wait.ts';
import { handlePersistedMessages } from '../../web/src/collab/persisted.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Updates this client received from the server (never its own). */
  remoteUpdates: number;
  /** How far the server said this client's own edits are stored (its clock), as the browser tracks it. */
  storedClock: number;
  /** Points the same document at another server (a client reconnecting through a load balancer). */
  reconnectTo(wsBase: string): void;
  destroy(): void;
}

/** A real y-websocket client, as the browser uses, over Node's `ws`. */
export function connectClient(
  wsBase: string,
  docName: string,
  options: { connect?: boolean; cookie?: string } = {},
): TestClient {
  const doc = new Y.Doc();
  const cookie = options.cookie;
  // The browser sends the session cookie on the upgrade; in Node we add the header ourselves.
  class AuthedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const open = (base: string, connect: boolean) => {
    const provider = new WebsocketProvider(base, docName, doc, {
      WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
      connect,
      disableBc: true,
      maxBackoffTime: 500,
    });
    // Rungs' "stored" acknowledgement (message 100), read the way the browser reads it.
    handlePersistedMessages(provider, doc, (clock) => {
      client.storedClock = Math.max(client.storedClock, clock);
    });
    return provider;
  };
  const client: TestClient = {
    doc,
    provider: undefined as unknown as WebsocketProvider,
    remoteUpdates: 0,
    storedClock: 0,
    reconnectTo(base: string) {
      client.provider.destroy();
      client.provider = open(base, true);
    },
    destroy() {
      client.provider.destroy();
      doc.destroy();
    },
  };
  client.provider = open(wsBase, options.connect ?? true);
  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin === client.provider) client.remoteUpdates++;
  });
  return client;
}

export async function waitSynced(client: TestClient, timeoutMs = 20_000): Promise<void> {
  await waitFor(() => client.provider.synced, { timeoutMs, message: 'the client to sync' });
}
