import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { GroupCommitter } from './group-commit.ts';
import type { PendingUpdate } from './document-store.ts';
import { encodeUpdate, MessageType } from './protocol.ts';
import { Room } from './room.ts';
import type { CollabConnection } from './connection.ts';

/** A connection that records what the room sends it. */
function recordingConnection(id: string, canWrite = true) {
  const sent: Uint8Array[] = [];
  const conn: CollabConnection & { sent: Uint8Array[]; closed?: [number, string] } = {
    id,
    canWrite,
    userId: id,
    userLabel: id,
    sent,
    send: (m) => sent.push(m),
    close(code, reason) {
      conn.closed = [code, reason];
    },
  };
  return conn;
}

const kinds = (messages: Uint8Array[]) =>
  messages.map((m) => {
    const d = decoding.createDecoder(m);
    const type = decoding.readVarUint(d);
    return type === MessageType.sync ? `sync${decoding.readVarUint(d)}` : String(type);
  });

function editFrom(clientDoc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | undefined;
  const listener = (u: Uint8Array) => (update = u);
  clientDoc.on('update', listener);
  clientDoc.getText('t').insert(clientDoc.getText('t').length, text);
  clientDoc.off('update', listener);
  return encodeUpdate(update!);
}

describe('Room', () => {
  it('broadcasts an update only after it is stored, and a burst as one message', async () => {
    const stored: PendingUpdate[] = [];
    let release!: () => void;
    let gate = new Promise<void>((r) => (release = r));
    const committer = new GroupCommitter(async (batch) => {
      await gate;
      stored.push(...batch);
    });
    const room = new Room('doc', new Y.Doc(), committer, 0);
    const author = recordingConnection('author');
    const reader = recordingConnection('reader');
    room.join(author);
    room.join(reader);
    author.sent.length = 0;
    reader.sent.length = 0;

    const clientDoc = new Y.Doc();
    const frames = ['a', 'b', 'c', 'd', 'e'].map((ch) => editFrom(clientDoc, ch));
    for (const f of frames) await room.receive(author, f);
    await new Promise((r) => setImmediate(r));
    expect(stored).toHaveLength(0);
    expect(reader.sent).toHaveLength(0); // nothing leaves before the commit

    release();
    await room.whenPersisted();
    await new Promise((r) => setImmediate(r));
    expect(stored).toHaveLength(5);
    expect(kinds(reader.sent)).toEqual(['sync2']); // one merged update for the whole commit
    const replica = new Y.Doc();
    Y.applyUpdate(replica, decoding.readVarUint8Array(skip2(reader.sent[0]!)));
    expect(replica.getText('t').toString()).toBe('abcde');
    expect(kinds(author.sent)).toContain(String(MessageType.persisted));
    gate = Promise.resolve();
  });

  it('drops updates from a read-only connection without storing or broadcasting them', async () => {
    const stored: PendingUpdate[] = [];
    const room = new Room('doc', new Y.Doc(), new GroupCommitter(async (b) => void stored.push(...b)), 0);
    const viewer = recordingConnection('viewer', false);
    const editor = recordingConnection('editor');
    room.join(viewer);
    room.join(editor);
    editor.sent.length = 0;
    await room.receive(viewer, editFrom(new Y.Doc(), 'vandalism'));
    await room.whenPersisted();
    await new Promise((r) => setImmediate(r));
    expect(room.doc.getText('t').toString()).toBe('');
    expect(stored).toHaveLength(0);
    expect(editor.sent).toHaveLength(0);
    expect(viewer.closed).toBeUndefined();
  });

  it('closes a connection that sends a malformed message and leaves the document alone', async () => {
    const room = new Room('doc', new Y.Doc(), new GroupCommitter(async () => {}), 0);
    const bad = recordingConnection('bad');
    room.join(bad);
    await room.receive(bad, new Uint8Array([0, 2, 5, 1, 2]));
    expect(bad.closed?.[0]).toBe(1007);
    expect(Y.encodeStateVector(room.doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });
});

function skip2(message: Uint8Array): decoding.Decoder {
  const d = decoding.createDecoder(message);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return d;
}
