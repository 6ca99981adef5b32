import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';

/** y-websocket message types, plus Rungs' own acknowledgement of persisted edits. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client: the clocks (per client id) of edits now durably stored. */
  persisted: 100,
} as const;

export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/**
 * One client's presence in an awareness update; `state` is its JSON text ("null" = gone), not yet
 * parsed: most entries a server receives are echoes of others' presence it drops unread, so JSON
 * is checked only for the entries it applies (`isJsonText`).
 */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string;
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export type IncomingMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'awareness'; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }
  | { kind: 'auth' };

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/**
 * Decodes one client message completely before anything is applied: a message that does not
 * decode (including a Yjs update whose structs do not parse) is rejected as a whole.
 */
export function parseIncoming(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: IncomingMessage;
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.step1) {
          Y.decodeStateVector(payload);
          message = { kind: 'sync-step1', stateVector: payload };
        } else if (step === SyncStep.step2 || step === SyncStep.update) {
          message = { kind: 'update', update: payload, decoded: Y.decodeUpdate(payload) };
        } else {
          throw new ProtocolError(`unknown sync step ${step}`);
        }
        break;
      }
      case MessageType.awareness: {
        message = { kind: 'awareness', entries: decodeAwarenessEntries(decoding.readVarUint8Array(decoder)) };
        break;
      }
      case MessageType.queryAwareness:
        message = { kind: 'query-awareness' };
        break;
      case MessageType.auth:
        decoding.readVarUint(decoder);
        message = { kind: 'auth' };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
    return message;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(err instanceof Error ? err.message : String(err));
  }
}

function decodeAwarenessEntries(payload: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(payload);
  const count = decoding.readVarUint(decoder);
  // Each entry takes at least 3 bytes: a count larger than that is a lie, not a reason to allocate.
  if (count > payload.length) throw new ProtocolError('awareness update claims more entries than it holds');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
  return entries;
}

export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The awareness update (y-protocols' encoding) holding exactly `entries`. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(
  awareness: awarenessProtocol.Awareness,
  clients?: number[],
): Uint8Array {
  const ids = clients ?? [...awareness.getStates().keys()];
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
}

/** Clocks as `[clientId, clock][]`: everything below `clock` from `clientId` is stored. */
export function encodePersisted(clocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.persisted);
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
