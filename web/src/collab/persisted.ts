import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** Rungs' server → client message: "these clocks of these clients are durably stored". */
export const MESSAGE_PERSISTED = 100;
const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;

type MessageHandler = WebsocketProvider['messageHandlers'][number];

/**
 * Reports how far the local client's own edits are durably stored by the server:
 *
 * - message 100 (varUint count, then count pairs of varUint clientId, varUint clock: everything of
 *   clientId below clock is stored), sent after the server stored edits from this connection;
 * - on (re)connection: the server sends its state vector (sync step 1) when we join, and answers
 *   our own sync step 1 (sync step 2) only once everything it had applied is stored. So when that
 *   answer arrives, our edits up to the clock in its state vector are stored, even those whose
 *   acknowledgement was lost with the previous connection.
 */
export function handlePersistedMessages(
  provider: WebsocketProvider,
  doc: Y.Doc,
  onStored: (clock: number) => void,
): () => void {
  const persistedHandler: MessageHandler = (_encoder, decoder) => {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      if (client === doc.clientID) onStored(clock);
    }
  };

  const originalSync = provider.messageHandlers[MESSAGE_SYNC]!;
  let serverClock: number | null = null;
  const syncHandler: MessageHandler = (encoder, decoder, ...rest) => {
    // Peek at the sync step without consuming the message (the original handler reads it).
    const peek = decoding.createDecoder(decoder.arr);
    peek.pos = decoder.pos;
    const step = decoding.readVarUint(peek);
    if (step === SYNC_STEP1) {
      serverClock = Y.decodeStateVector(decoding.readVarUint8Array(peek)).get(doc.clientID) ?? 0;
    }
    originalSync(encoder, decoder, ...rest);
    if (step === SYNC_STEP2 && serverClock !== null) {
      onStored(serverClock);
      serverClock = null;
    }
  };

  provider.messageHandlers[MESSAGE_PERSISTED] = persistedHandler;
  provider.messageHandlers[MESSAGE_SYNC] = syncHandler;
  return () => {
    if (provider.messageHandlers[MESSAGE_PERSISTED] === persistedHandler) {
      delete provider.messageHandlers[MESSAGE_PERSISTED];
    }
    if (provider.messageHandlers[MESSAGE_SYNC] === syncHandler)
      provider.messageHandlers[MESSAGE_SYNC] = originalSync;
  };
}
