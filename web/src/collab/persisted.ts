import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** Rungs' server → client message: "these clocks of these clients are durably stored". */
export const MESSAGE_PERSISTED = 100;

/**
 * Reads the server's persisted-clock messages (type 100: varUint count, then count pairs of
 * varUint clientId, varUint clock; everything of clientId below clock is stored) and reports the
 * stored clock of the local document's own client: how far its own edits are safe.
 */
export function handlePersistedMessages(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onStored: (clock: number) => void,
): () => void {
  const handler: WebsocketProvider['messageHandlers'][number] = (_encoder, decoder) => {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (client === doc.clientID) onStored(clock);
    }
  };
  provider.messageHandlers[MESSAGE_PERSISTED] = handler;
  return () => {
    if (provider.messageHandlers[MESSAGE_PERSISTED] === handler)
      delete provider.messageHandlers[MESSAGE_PERSISTED];
  };
}
