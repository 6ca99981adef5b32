import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { addLevel, LADDER_LIMITS, readLadderContent } from '@rungs/shared';
import { createLadder, fetchContent, fragmentText, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { waitFor } from '../helpers/wait.ts';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { openRawSocket, residentBytes, type RawSocket } from '../helpers/raw-socket.ts';

const MB = 1024 * 1024;
const MAX_BUFFERED_BYTES = 1 * MB;
const env = {
  RUNGS_IDLE_UNLOAD_MS: '200',
  RUNGS_WS_MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
  // The honest writer of the slow-consumer test sends 1 MB edits back to back.
  RUNGS_WS_BYTES_PER_SECOND: String(512 * MB),
  RUNGS_WS_BYTE_BURST: String(64 * MB),
};

function awarenessFrame(entries: Array<[clientId: number, clock: number, state: unknown]>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

const SYNC_STEP_1_EMPTY = new Uint8Array([0, 0, 1, 0]);

/** Message type (and sync step) of what the server sent. */
function kindOf(message: Uint8Array): string {
  const d = decoding.createDecoder(message);
  const type = decoding.readVarUint(d);
  return type === 0 ? `sync${decoding.readVarUint(d)}` : String(type);
}

/** Client ids in an awareness message from the server. */
function awarenessIds(message: Uint8Array): number[] {
  const d = decoding.createDecoder(message);
  if (decoding.readVarUint(d) !== 1) return [];
  const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
  const ids: number[] = [];
  for (let n = decoding.readVarUint(inner); n > 0; n--) {
    ids.push(decoding.readVarUint(inner));
    decoding.readVarUint(inner);
    decoding.readVarString(inner);
  }
  return ids;
}

function replaceCell(doc: Y.Doc, levelId: string, competencyId: string, text: string): void {
  const fragment = doc.getXmlFragment(`cell:${levelId}:${competencyId}`);
  doc.transact(() => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

describe.each(DATABASE_KINDS)('websocket abuse on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let admin: Session;
  let clients: TestClient[] = [];
  let sockets: RawSocket[] = [];

  const client = (docName: string, cookie = admin.cookie) => {
    const c = connectClient(server.wsUrl, docName, { cookie });
    clients.push(c);
    return c;
  };
  const raw = async (docName: string, cookie = admin.cookie) => {
    const s = await openRawSocket(server.wsUrl, docName, cookie);
    sockets.push(s);
    // The server's first message (its sync step 1) means the connection joined the room.
    await waitFor(() => s.received.length > 0, { message: 'the server to greet the socket' });
    return s;
  };
  const loadedDocuments = async () =>
    ((await (await fetch(`${server.url}/api/health`)).json()) as { loadedDocuments: number }).loadedDocuments;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({ databaseUrl: db.url, env });
    admin = await setupAdmin(server.url);
  });

  afterEach(() => {
    for (const c of clients) c.destroy();
    for (const s of sockets) s.ws.terminate();
    clients = [];
    sockets = [];
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('closes a client that stops reading while others write, at the send-buffer cap, and it resyncs', async () => {
    const ladder = await createLadder(admin, testLadder());
    const writer = client(ladder.draftDocument);
    const reader = client(ladder.draftDocument);
    const stalled = client(ladder.draftDocument);
    await Promise.all([writer, reader, stalled].map((c) => waitSynced(c)));
    const stalledSocket = stalled.provider.ws as unknown as import('ws').WebSocket;
    stalledSocket.pause();

    const chunk = 'x'.repeat(1 * MB - 1024);
    const slowConsumerClosed = () => server.output().split('slow consumer').length - 1 > slowBefore;
    const slowBefore = server.output().split('slow consumer').length - 1;
    let written = 0;
    for (let i = 0; !slowConsumerClosed() && written < 96 * MB; i++) {
      replaceCell(writer.doc, 'L1', 'C1', `${i}:${chunk}`);
      written += chunk.length;
      await waitFor(() => fragmentText(reader.doc, 'cell:L1:C1').startsWith(`${i}:`), {
        timeoutMs: 30_000,
        message: `the reader to receive edit ${i}`,
      });
    }
    await waitFor(slowConsumerClosed, { message: 'the stalled client to be closed' });
    // Closed once the kernel's socket buffers (a few MB on loopback) and the 1 MB cap were full.
    expect(written).toBeLessThan(48 * MB);

    const closes: number[] = [];
    stalled.provider.on('connection-close', (event) => event && closes.push(event.code));
    stalledSocket.resume();
    await waitFor(() => closes.length > 0, {
      timeoutMs: 30_000,
      message: 'the stalled client to see the close',
    });
    expect([4001, 1006]).toContain(closes[0]);
    // A y-websocket client reconnects on its own and catches up.
    await waitFor(
      () =>
        stalled.provider.synced &&
        fragmentText(stalled.doc, 'cell:L1:C1') === fragmentText(writer.doc, 'cell:L1:C1'),
      { timeoutMs: 30_000, message: 'the stalled client to reconnect and resync' },
    );
  });

  it('keeps memory bounded when a socket that reads nothing asks for the whole document again and again', async () => {
    const ladder = await createLadder(admin, testLadder(1, 6));
    const writer = client(ladder.draftDocument);
    await waitSynced(writer);
    for (let c = 1; c <= 6; c++) replaceCell(writer.doc, 'L1', `C${c}`, `${c}`.repeat(1.5 * MB));
    await waitFor(
      async () => (await fetchContent(admin, ladder.draftDocument)).cells['L1:C6'] !== undefined,
      {
        message: 'the 9 MB document to be stored',
      },
    );

    const attacker = await raw(ladder.draftDocument);
    attacker.pause();
    const pid = server.child.pid!;
    const baseline = residentBytes(pid);
    let peak = baseline;
    const slowBefore = server.output().split('slow consumer').length - 1;
    // The measurement: 4-byte sync step 1 frames from a socket that stops reading. Each
    // answer is the whole 9 MB document; 400 of them unbounded would be 3.6 GB.
    for (let i = 0; i < 400; i++) attacker.send(SYNC_STEP_1_EMPTY);
    await waitFor(
      () => {
        peak = Math.max(peak, residentBytes(pid));
        return server.output().split('slow consumer').length - 1 > slowBefore;
      },
      { message: 'the socket to be closed at the send-buffer cap' },
    );
    expect(peak - baseline).toBeLessThan(96 * MB);
    attacker.resume();
    await attacker.closed;
    // Memory is given back once it is closed (within what the allocator keeps).
    const late = client(ladder.draftDocument);
    await waitSynced(late);
    expect(fragmentText(late.doc, 'cell:L1:C6')).toHaveLength(1.5 * MB);
  });

  it("refuses an awareness flood and overwriting or removing another client's presence", async () => {
    const ladder = await createLadder(admin, testLadder());
    const victim = client(ladder.draftDocument);
    const observer = client(ladder.draftDocument);
    victim.provider.awareness.setLocalStateField('user', { name: 'Victim' });
    const victimId = victim.doc.clientID;
    const victimState = () =>
      (observer.provider.awareness.getStates().get(victimId) as { user?: { name: string } } | undefined)?.user
        ?.name;
    await waitFor(() => victimState() === 'Victim', { message: 'the observer to see the victim' });

    const attacker = await raw(ladder.draftDocument);
    const clock = observer.provider.awareness.meta.get(victimId)!.clock;
    attacker.send(awarenessFrame([[victimId, clock + 100, { user: { name: 'Mallory' } }]]));
    attacker.send(awarenessFrame([[victimId, clock + 101, null]]));
    const flood: Array<[number, number, unknown]> = [];
    for (let i = 0; i < 100_000; i++) flood.push([1_000_000 + i, 1, { f: 1 }]);
    attacker.send(awarenessFrame(flood));

    const flooded = () =>
      [...observer.provider.awareness.getStates().keys()].filter((id) => id >= 1_000_000 && id < 1_100_000);
    await waitFor(() => flooded().length > 0, { message: 'the accepted part of the flood to arrive' });
    expect(flooded()).toHaveLength(4); // the flood arrives in one message: these are all that were taken
    expect(victimState()).toBe('Victim');
    expect(victim.provider.wsconnected).toBe(true);
  });

  it('throttles a sync-step-1 storm, closes a message storm, and keeps serving honest clients', async () => {
    const ladder = await createLadder(admin, testLadder());
    const honest = client(ladder.draftDocument);
    await waitSynced(honest);
    typeIntoCell(honest.doc, 'L1', 'C1', 'Honest text.');

    // 300 requests for the whole document, within the message rate: only a few are answered.
    const asker = await raw(ladder.draftDocument);
    for (let i = 0; i < 300; i++) asker.send(SYNC_STEP_1_EMPTY);
    const marker = 77_777_777;
    asker.send(awarenessFrame([[marker, 1, { marker: true }]])); // handled after all of them, in order
    await waitFor(() => asker.received.some((m) => awarenessIds(m).includes(marker)), {
      message: 'the storm to be handled',
    });
    const answers = asker.received.filter((m) => kindOf(m) === 'sync1').length;
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThanOrEqual(10);

    // Far beyond the message rate, from several sockets at once: each is closed.
    const stormers = await Promise.all([1, 2, 3].map(() => raw(ladder.draftDocument)));
    stormers[0]!.pause(); // one of them reads nothing back either
    for (const s of stormers)
      for (let i = 0; i < 20_000; i++) s.send(i % 2 ? SYNC_STEP_1_EMPTY : new Uint8Array([2, 0]));
    stormers[0]!.resume();
    const closes = await Promise.all(stormers.map((s) => s.closed));
    for (const close of closes) {
      // Over the rate (4002), or more waiting than the inbox holds (4003): whichever comes first.
      expect([4002, 4003]).toContain(close.code);
      expect(close.reason).toMatch(/too many messages/i);
    }

    const late = client(ladder.draftDocument);
    await waitSynced(late);
    expect(fragmentText(late.doc, 'cell:L1:C1')).toBe('Honest text.');
    typeIntoCell(late.doc, 'L1', 'C2', 'Still served.');
    await waitFor(() => fragmentText(honest.doc, 'cell:L1:C2') === 'Still served.', {
      message: 'the honest clients to keep editing together',
    });
    expect(honest.provider.wsconnected).toBe(true);
  });

  it('closes a single message over the limit with 1009 and a reason giving both sizes', async () => {
    const ladder = await createLadder(admin, testLadder());
    const sender = await raw(ladder.draftDocument);
    sender.send(new Uint8Array(2.5 * MB).fill(1));
    const { code, reason } = await sender.closed;
    expect(code).toBe(1009);
    expect(reason).toBe(
      'Your last change is too large to save (2.5 MB; the limit is 2.0 MB). Undo it or split the text.',
    );
  });

  it('refuses a change that would pass the ladder size limits with 4413, leaving the document unchanged', async () => {
    const ladder = await createLadder(admin, testLadder(LADDER_LIMITS.maxLevels, 1));
    const editor = client(ladder.draftDocument);
    await waitSynced(editor);
    const closes: Array<{ code: number; reason: string }> = [];
    editor.provider.on(
      'connection-close',
      (event) => event && closes.push({ code: event.code, reason: event.reason }),
    );
    addLevel(editor.doc, { code: 'X', title: 'One too many' });
    await waitFor(() => closes.length > 0, { message: 'the server to refuse the level' });
    expect(closes[0]).toEqual({
      code: 4413,
      reason: `A ladder can have at most ${LADDER_LIMITS.maxLevels} levels; this one would have ${LADDER_LIMITS.maxLevels + 1}. Split it into several ladders.`,
    });
    expect(editor.provider.shouldConnect).toBe(false); // final: the client does not resend it in a loop
    const stored = await fetchContent(admin, ladder.draftDocument);
    expect(stored.levels).toHaveLength(LADDER_LIMITS.maxLevels);
  });

  it('caps the connections one user may open with 4429', async () => {
    const ladder = await createLadder(admin, testLadder());
    const editor = await createUser(admin, 'editor', 'Many tabs');
    for (let i = 0; i < 20; i++) await raw(ladder.draftDocument, editor.cookie);
    const extra = await openRawSocket(server.wsUrl, ladder.draftDocument, editor.cookie);
    sockets.push(extra);
    const { code, reason } = await extra.closed;
    expect(code).toBe(4429);
    expect(reason).toMatch(/live documents open already/);
    sockets.pop(); // the refused one
    sockets.shift()!.ws.terminate(); // one tab closes: the user may connect again
    await waitFor(
      async () => {
        const again = await openRawSocket(server.wsUrl, ladder.draftDocument, editor.cookie);
        sockets.push(again);
        await waitFor(() => again.received.length > 0 || again.closeEvent !== null);
        return again.closeEvent === null;
      },
      { message: 'a freed slot to admit the user again' },
    );
  });

  it('survives 100,000 mutated and random frames; honest clients converge and the stored document matches', async () => {
    const ladder = await createLadder(admin, testLadder(2, 3));
    const editors = await Promise.all([1, 2, 3, 4].map((i) => createUser(admin, 'editor', `Fuzzer ${i}`)));
    const a = client(ladder.draftDocument);
    const b = client(ladder.draftDocument);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    let seed = 20260;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const int = (n: number) => Math.floor(rand() * n);
    const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));

    /** Valid frames a client could send: standalone edits, presence, sync requests. */
    const makeValidFrame = (): Uint8Array => {
      const pick = int(5);
      if (pick === 0) return SYNC_STEP_1_EMPTY;
      if (pick === 1) return awarenessFrame([[10_000 + int(50), int(100), { user: { name: 'fuzz' } }]]);
      if (pick === 2) return new Uint8Array([3]);
      const doc = new Y.Doc();
      const fragment = doc.getXmlFragment(`cell:L${1 + int(2)}:C${1 + int(3)}`);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`fuzz ${int(1000)}`)]);
      fragment.insert(0, [paragraph]);
      const update = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return syncFrame(2, update);
    };
    // A fixed pool: resending an edit changes nothing, so the document stays small however long this runs.
    const pool = Array.from({ length: 300 }, makeValidFrame);
    const validFrame = () => pool[int(pool.length)]!;
    const mutate = (frame: Uint8Array): Uint8Array => {
      const out = Uint8Array.from(frame);
      switch (int(7)) {
        case 0: // bit flips
          for (let k = 1 + int(3); k > 0; k--) out[int(out.length)]! ^= 1 << int(8);
          return out;
        case 1: // truncation
          return out.subarray(0, int(out.length));
        case 2: // random bytes appended
          return Uint8Array.from([...out, ...randomBytes(1 + int(16))]);
        case 3: // a huge varint where a length belongs
          return Uint8Array.from([
            out[0]!,
            2,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0x7f,
            ...out.subarray(3),
          ]);
        case 4: // a valid-looking header over garbage
          return Uint8Array.from([int(2), int(3), ...randomBytes(int(64))]);
        case 5: // bytes overwritten in the middle
          for (let k = 1 + int(6); k > 0; k--) out[int(out.length)] = int(256);
          return out;
        default: // noise
          return randomBytes(int(48));
      }
    };

    let sent = 0;
    const TARGET = 100_000;
    const FRAMES_PER_CONNECTION = 400;
    const fuzzer = async (editor: Session) => {
      while (sent < TARGET) {
        const s = await openRawSocket(server.wsUrl, ladder.draftDocument, editor.cookie);
        for (let i = 0; i < FRAMES_PER_CONNECTION; i++) {
          const frame =
            int(10) === 0 ? validFrame() : int(4) === 0 ? randomBytes(int(64)) : mutate(validFrame());
          if (s.send(frame)) sent++;
        }
        s.send(new Uint8Array([255])); // surely malformed: the server closes the socket once it gets here
        const { code } = await s.closed;
        expect([1007, 1009, 4413]).toContain(code);
      }
    };

    let honestRunning = true;
    const honestTyping = (async () => {
      for (let n = 0; honestRunning; n++) {
        typeIntoCell(a.doc, 'L1', 'C1', `a${n};`);
        typeIntoCell(b.doc, 'L2', 'C1', `b${n};`);
        await waitFor(
          () =>
            fragmentText(b.doc, 'cell:L1:C1').includes(`a${n};`) &&
            fragmentText(a.doc, 'cell:L2:C1').includes(`b${n};`),
          { timeoutMs: 30_000, message: `honest edit ${n} to reach the other client` },
        );
      }
    })();
    await Promise.all(editors.map((e) => fuzzer(e)));
    honestRunning = false;
    await honestTyping;
    expect(sent).toBeGreaterThanOrEqual(TARGET);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await waitFor(
      () =>
        Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))) &&
        JSON.stringify(readLadderContent(a.doc)) === JSON.stringify(readLadderContent(b.doc)),
      { timeoutMs: 30_000, message: 'the honest clients to converge' },
    );
    const expected = readLadderContent(a.doc);
    expect(fragmentText(a.doc, 'cell:L1:C1')).toContain('a0;');

    for (const c of clients) c.destroy();
    clients = [];
    await waitFor(async () => (await loadedDocuments()) === 0, {
      timeoutMs: 30_000,
      message: 'the document to be stored and unloaded',
    });
    expect(await fetchContent(admin, ladder.draftDocument)).toEqual(expected);
  });
});
