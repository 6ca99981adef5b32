import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { waitFor } from './wait.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Updates this client received from the server (never its own). */
  remoteUpdates: number;
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
  const provider = new WebsocketProvider(wsBase, docName, doc, {
    WebSocketPolyfill: AuthedWebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    maxBackoffTime: 500,
  });
  // Rungs' "stored" acknowledgement (message 100); these tests read durability from the server instead.
  provider.messageHandlers[100] = () => {};
  const client: TestClient = {
    doc,
    provider,
    remoteUpdates: 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin === provider) client.remoteUpdates++;
  });
  return client;
}

export async function waitSynced(client: TestClient, timeoutMs = 20_000): Promise<void> {
  await waitFor(() => client.provider.synced, { timeoutMs, message: 'the client to sync' });
}
