import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { GroupCommitter } from './group-commit.ts';
import type { PendingUpdate } from './document-store.ts';
import * as awarenessProtocol from 'y-protocols/awareness';
import { encodeAwareness, encodeAwarenessEntries, encodeUpdate, MessageType } from './protocol.ts';
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

/** An awareness message setting `states` (client id → state; null removes) at `clock`. */
function presence(states: Record<number, unknown>, clock = 1): Uint8Array {
  return encodeAwareness(
    encodeAwarenessEntries(
      Object.entries(states).map(([id, state]) => ({
        clientId: Number(id),
        clock,
        state: JSON.stringify(state),
      })),
    ),
  );
}

describe('Room awareness rules', () => {
  const limits = { maxClients: 2, maxStateBytes: 100 };
  const setup = () => {
    const room = new Room('doc', new Y.Doc(), new GroupCommitter(async () => {}), 0, { awareness: limits });
    const alice = recordingConnection('alice');
    const mallory = recordingConnection('mallory');
    room.join(alice);
    room.join(mallory);
    return { room, alice, mallory };
  };

  it("refuses a connection's overwrite or removal of another client's presence", async () => {
    const { room, alice, mallory } = setup();
    await room.receive(alice, presence({ 11: { user: 'Alice' } }));
    await room.receive(mallory, presence({ 11: { user: 'Mallory' } }, 9));
    await room.receive(mallory, presence({ 11: null }, 9));
    expect(room.awareness.getStates().get(11)).toEqual({ user: 'Alice' });
    expect(mallory.closed).toBeUndefined(); // honest clients echo others' presence: dropped, not fatal
  });

  it('lets a connection introduce only a few client ids, each state size-bounded', async () => {
    const { room, mallory } = setup();
    const flood: Record<number, unknown> = {};
    for (let id = 100; id < 100_100; id++) flood[id] = { n: id };
    await room.receive(mallory, presence(flood));
    expect([...room.awareness.getStates().keys()].sort()).toEqual([100, 101]);
    await room.receive(mallory, presence({ 5000: { n: 1 } }));
    expect(room.awareness.getStates().has(5000)).toBe(false);
    await room.receive(mallory, presence({ 100: { big: 'x'.repeat(200) } }, 2));
    expect(room.awareness.getStates().get(100)).toEqual({ n: 100 });
  });

  it("frees a connection's ids when it removes them or leaves, so the id can be used again", async () => {
    const { room, alice, mallory } = setup();
    await room.receive(alice, presence({ 11: { user: 'Alice' } }));
    await room.receive(alice, presence({ 11: null }, 2));
    expect(room.awareness.getStates().has(11)).toBe(false);
    await room.receive(alice, presence({ 12: { user: 'Alice' } }));
    room.leave(alice);
    expect(room.awareness.getStates().has(12)).toBe(false);
    await room.receive(mallory, presence({ 12: { user: 'Mallory' } }, 5));
    expect(room.awareness.getStates().get(12)).toEqual({ user: 'Mallory' });
  });

  it('closes a connection whose own presence is not JSON, and drops unread a broken echo of another', async () => {
    const { room, alice, mallory } = setup();
    await room.receive(alice, presence({ 11: { user: 'Alice' } }));
    const notJson = (clientId: number) =>
      encodeAwareness(encodeAwarenessEntries([{ clientId, clock: 5, state: '{x' }]));
    // An echo of Alice's presence is refused as not Mallory's before its JSON is read.
    await room.receive(mallory, notJson(11));
    expect(mallory.closed).toBeUndefined();
    expect(room.awareness.getStates().get(11)).toEqual({ user: 'Alice' });
    await room.receive(mallory, notJson(12));
    expect(mallory.closed?.[0]).toBe(1007);
    expect(room.awareness.getStates().has(12)).toBe(false);
  });

  it("never lets a client claim the server's own awareness id", async () => {
    const { room, mallory } = setup();
    await room.receive(mallory, presence({ [room.awareness.clientID]: { fake: true } }, 50));
    expect(room.awareness.getStates().has(room.awareness.clientID)).toBe(false);
  });

  it('keeps presence set by other instances out of reach of local connections', async () => {
    const { room, mallory } = setup();
    const remote = new awarenessProtocol.Awareness(new Y.Doc());
    remote.setLocalState({ user: 'Far away' });
    room.applyRemoteAwareness(awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]));
    await room.receive(mallory, presence({ [remote.clientID]: null }, 5));
    expect(room.awareness.getStates().get(remote.clientID)).toEqual({ user: 'Far away' });
  });
});

describe('Room full-state requests', () => {
  it('answers sync step 1 and query awareness only while the connection may ask', async () => {
    const room = new Room('doc', new Y.Doc(), new GroupCommitter(async () => {}), 0);
    let allowance = 2;
    const conn = { ...recordingConnection('c'), allowFullState: () => allowance-- > 0 };
    room.join(conn);
    conn.sent.length = 0;
    const step1 = new Uint8Array([0, 0, 1, 0]);
    for (let i = 0; i < 5; i++) await room.receive(conn, step1);
    await room.receive(conn, new Uint8Array([3]));
    expect(kinds(conn.sent)).toEqual(['sync1', 'sync1']);
  });

  it('stores a local deletion that was waiting for the text it deletes when a remote update brings it', async () => {
    const stored: PendingUpdate[] = [];
    const room = new Room('doc', new Y.Doc(), new GroupCommitter(async (b) => void stored.push(...b)), 0);
    const author = recordingConnection('author');
    room.join(author);
    // Someone on another instance typed "abc"; the author got it there, then deleted the "b".
    const typist = new Y.Doc();
    const first = editFrom(typist, 'abc');
    const authorDoc = new Y.Doc();
    Y.applyUpdate(authorDoc, Y.encodeStateAsUpdate(typist));
    let deletion: Uint8Array | undefined;
    authorDoc.once('update', (u: Uint8Array) => (deletion = u));
    authorDoc.getText('t').delete(1, 1);
    // The deletion reaches this instance first: it waits for the text it deletes.
    await room.receive(author, encodeUpdate(deletion!));
    await room.whenPersisted();
    expect(author.closed).toBeUndefined();
    expect(room.hasMissingDependencies).toBe(true);
    author.sent.length = 0;

    // The other instance's copy of the first edit arrives: Yjs integrates the waiting second one
    // in that remote transaction, which must therefore be stored here too.
    room.applyRemoteUpdate(decoding.readVarUint8Array(skip2(first)));
    await room.whenPersisted();
    await new Promise((r) => setImmediate(r));
    const replica = new Y.Doc();
    for (const u of stored) Y.applyUpdate(replica, u.update);
    // What is stored, replayed alone (as after a restart), has the deletion.
    Y.applyUpdate(replica, decoding.readVarUint8Array(skip2(first)));
    expect(replica.getText('t').toString()).toBe('ac');
    expect(room.doc.getText('t').toString()).toBe('ac');
    expect(room.hasMissingDependencies).toBe(false);
    expect(kinds(author.sent)).toContain(String(MessageType.persisted));
  });
});

function skip2(message: Uint8Array): decoding.Decoder {
  const d = decoding.createDecoder(message);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return d;
}
