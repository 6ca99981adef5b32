import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { LOCAL, type ConnectionEvents, type Editor, type Endpoint } from './editor.ts';
import type { BenchDocument } from './servers/index.ts';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const REMOTE = Symbol('bench-remote');

/**
 * A lean client speaking the same messages as the providers, for runs where a hundred providers
 * in one process would measure the bench rather than the server. It syncs the document, sends
 * its own edits and awareness exactly as a provider does, and echoes every new awareness state
 * back to the server as y-websocket's and Hocuspocus's providers do. It does not apply other
 * editors' updates: each one is decoded and handed to `onRemoteUpdate`, which times it.
 */
export function connectRawEditor(
  endpoint: Endpoint,
  document: BenchDocument,
  doc: Y.Doc,
  onRemoteUpdate: (update: Uint8Array) => void,
  events?: ConnectionEvents,
): Editor {
  const hocuspocus = endpoint.protocol === 'hocuspocus';
  const url = hocuspocus ? endpoint.wsUrl : `${endpoint.wsUrl}/${document.name}`;
  const ws = new WebSocket(url, document.cookie ? { headers: { cookie: document.cookie } } : {});
  const awareness = new awarenessProtocol.Awareness(doc);
  const knownClocks = new Map<number, number>();
  let synced = false;
  let destroyed = false;

  const message = (type: number): encoding.Encoder => {
    const encoder = encoding.createEncoder();
    if (hocuspocus) encoding.writeVarString(encoder, document.name);
    encoding.writeVarUint(encoder, type);
    return encoder;
  };
  const send = (encoder: encoding.Encoder) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(encoding.toUint8Array(encoder));
  };
  const sendAwareness = (clients: number[]) => {
    const encoder = message(AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
    send(encoder);
  };

  ws.on('open', () => {
    if (hocuspocus) {
      const auth = message(AUTH);
      encoding.writeVarUint(auth, 0); // token
      encoding.writeVarString(auth, '');
      send(auth);
    }
    const step1 = message(SYNC);
    syncProtocol.writeSyncStep1(step1, doc);
    send(step1);
    if (awareness.getLocalState() !== null) sendAwareness([doc.clientID]);
  });

  // Without a listener an 'error' event would throw; a refused or reset socket is counted instead.
  ws.on('error', (err) => events?.onError(err));
  ws.on('close', (code) => {
    if (!destroyed) events?.onClose(code);
  });

  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const decoder = decoding.createDecoder(bytes);
    if (hocuspocus) decoding.readVarString(decoder);
    switch (decoding.readVarUint(decoder)) {
      case SYNC: {
        const kind = decoding.readVarUint(decoder);
        if (kind === syncProtocol.messageYjsSyncStep1) {
          const reply = message(SYNC);
          syncProtocol.readSyncStep1(decoder, reply, doc);
          send(reply);
        } else if (kind === syncProtocol.messageYjsSyncStep2) {
          syncProtocol.readSyncStep2(decoder, doc, REMOTE);
          synced = true;
        } else if (kind === syncProtocol.messageYjsUpdate) {
          onRemoteUpdate(decoding.readVarUint8Array(decoder));
        }
        return;
      }
      case AWARENESS: {
        // A provider applies it and, when any state is newer, re-sends those states: echo them.
        if (hasNewerState(decoding.readVarUint8Array(decoder), knownClocks, doc.clientID)) {
          ws.send(bytes);
        }
        return;
      }
      case QUERY_AWARENESS:
        sendAwareness([...awareness.getStates().keys()]);
        return;
      default:
        return; // auth result, sync status, Rungs' "stored" acknowledgement
    }
  });

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL) return;
    const encoder = message(SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoder);
  });
  awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (origin === 'local') sendAwareness([...added, ...updated, ...removed]);
  });

  return {
    doc,
    awareness,
    isSynced: () => synced,
    destroy() {
      destroyed = true;
      awareness.destroy();
      ws.close();
      doc.destroy();
    },
  };
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Reads client ids and clocks of an awareness update (not the JSON states) and records them. */
function hasNewerState(update: Uint8Array, known: Map<number, number>, self: number): boolean {
  const decoder = decoding.createDecoder(update);
  let newer = false;
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    decoding.readVarUint8Array(decoder); // the JSON state, skipped undecoded
    if (client === self) continue;
    if (clock > (known.get(client) ?? -1)) {
      known.set(client, clock);
      newer = true;
    }
  }
  return newer;
}
