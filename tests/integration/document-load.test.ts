/**
 * A document loads from one consistent read: a compaction folding the log into the snapshot
 * while a load runs must not hide any stored update from that load. A load may fold the log it
 * replayed (`foldLoaded`); a fold that raced with another compaction must change nothing.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../helpers/app.ts';
import { DocumentStore } from '../../server/src/collab/document-store.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';

const UPDATES = 400;

/** A document the group commit may store into (it refuses documents that don't exist). */
async function createDocument(app: FastifyInstance, prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  const now = new Date().toISOString();
  await app.db
    .insertInto('ladders')
    .values({ id: name, slug: name, title: name, track: '', created_at: now, updated_at: now })
    .execute();
  await app.db
    .insertInto('documents')
    .values({ name, ladder_id: name, kind: 'proposal', created_at: now })
    .execute();
  return name;
}

describe.each(DATABASE_KINDS)('loading a document while it is compacted on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await buildTestApp(db.url);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const newDocument = (prefix: string) => createDocument(app, prefix);

  /** Appends `count` updates, each pushing its number to the array `n` of `writer`. */
  async function appendNumbers(name: string, writer: Y.Doc, count: number): Promise<void> {
    const numbers = writer.getArray<number>('n');
    for (let i = 0; i < count; i++) {
      let update: Uint8Array | undefined;
      writer.once('update', (u: Uint8Array) => (update = u));
      numbers.push([numbers.length]);
      await app.documents.appendBatch([{ documentName: name, update: update! }]);
    }
  }

  async function storedNumbers(name: string): Promise<number[]> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await app.documents.loadState(name));
    const numbers = doc.getArray<number>('n').toArray();
    doc.destroy();
    return numbers;
  }

  it('folds a long log from what its load replayed, without reading it again', async () => {
    const name = await newDocument('fold');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 30);
    await app.documents.compact(name); // a snapshot exists, and then a log
    await appendNumbers(name, writer, 40);

    const short = await app.documents.loadInto(name, new Y.Doc(), { foldAtLeast: 41 });
    expect(short).toEqual({ updateCount: 40 });
    const loaded = new Y.Doc();
    const { updateCount, fold } = await app.documents.loadInto(name, loaded, { foldAtLeast: 40 });
    expect(updateCount).toBe(40);
    expect(await app.documents.foldLoaded(name, fold!)).toEqual({ folded: 40 });
    expect(await app.documents.countLoggedUpdates(name)).toBe(0);
    expect(await storedNumbers(name)).toEqual(writer.getArray<number>('n').toArray());
  });

  it('folds a log of hundreds of thousands of rows (no argument list as long as the log)', async () => {
    const name = await newDocument('fold-long');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 3);
    const { fold } = await app.documents.loadInto(name, new Y.Doc(), { foldAtLeast: 1 });
    // The rows a 300,000-row log would hold; ids beyond the real three delete nothing.
    const ids = [...fold!.ids, ...Array.from({ length: 300_000 }, (_, i) => fold!.ids[2]! + 1_000_000 + i)];
    expect(await app.documents.foldLoaded(name, { ...fold!, ids })).toEqual({ folded: ids.length });
    expect(await app.documents.countLoggedUpdates(name)).toBe(0);
    expect(await storedNumbers(name)).toEqual([0, 1, 2]);
  });

  it('skips a fold whose snapshot changed after its load, and loses nothing', async () => {
    const name = await newDocument('fold-stale');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 20);
    const { fold } = await app.documents.loadInto(name, new Y.Doc(), { foldAtLeast: 1 });
    // Meanwhile more is stored and another compaction folds everything, those rows included.
    await appendNumbers(name, writer, 10);
    expect(await app.documents.compact(name)).toEqual({ folded: 30 });
    await appendNumbers(name, writer, 5);

    expect(await app.documents.foldLoaded(name, fold!)).toEqual({ folded: 0 });
    expect(await app.documents.countLoggedUpdates(name)).toBe(5);
    expect(await storedNumbers(name)).toEqual(writer.getArray<number>('n').toArray());
  });

  it('a fold and a compaction at the same time lose nothing, whichever goes first', async () => {
    const name = await newDocument('fold-race');
    const writer = new Y.Doc();
    const results: number[] = [];
    for (let round = 0; round < 10; round++) {
      await appendNumbers(name, writer, 8);
      const { fold } = await app.documents.loadInto(name, new Y.Doc(), { foldAtLeast: 1 });
      await appendNumbers(name, writer, round % 3); // sometimes the compaction has more to fold
      const [byFold] = await Promise.all([
        app.documents.foldLoaded(name, fold!),
        app.documents.compact(name),
      ]);
      results.push(byFold.folded);
      expect(await storedNumbers(name)).toEqual(writer.getArray<number>('n').toArray());
    }
    expect(await app.documents.countLoggedUpdates(name)).toBe(0);
    expect(results.length).toBe(10);
  });

  it('every load holds every update stored before it began', async () => {
    const store = app.documents;
    const name = await newDocument('load-race');
    const writer = new Y.Doc();
    const numbers = writer.getArray<number>('n');
    let stored = 0;
    let writing = true;

    const write = async () => {
      for (let i = 0; i < UPDATES; i++) {
        let update: Uint8Array | undefined;
        const capture = (u: Uint8Array) => (update = u);
        writer.once('update', capture);
        numbers.push([i]);
        await store.appendBatch([{ documentName: name, update: update! }]);
        stored = i + 1;
      }
      writing = false;
    };
    let folds = 0;
    const compact = async () => {
      while (writing) {
        const { folded } = await store.compact(name);
        if (folded > 0) folds++;
      }
    };
    const losses: string[] = [];
    let loads = 0;
    const load = async () => {
      while (writing) {
        const before = stored;
        const doc = new Y.Doc();
        try {
          Y.applyUpdate(doc, await store.loadState(name));
          const seen = doc.getArray<number>('n').toArray();
          if (seen.length < before) losses.push(`load ${loads}: ${seen.length} of ${before} stored updates`);
        } finally {
          doc.destroy();
        }
        loads++;
      }
    };

    await Promise.all([write(), compact(), compact(), load(), load()]);

    expect(losses).toEqual([]);
    // The race was really run: compactions folded rows while loads were reading.
    expect(folds).toBeGreaterThan(5);
    expect(loads).toBeGreaterThan(5);
    const final = new Y.Doc();
    Y.applyUpdate(final, await store.loadState(name));
    expect(final.getArray<number>('n').toArray()).toEqual(numbers.toArray());
    final.destroy();
    writer.destroy();
  });
});

describe('loading a long log in a worker thread (SQLite)', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  /** Beside the app's own store: this one replays every log of 50 updates or more off the thread. */
  let offThread: DocumentStore;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db.url);
    offThread = new DocumentStore(app.db, { replayOffThreadAtLeast: 50 });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const newDocument = (prefix: string) => createDocument(app, prefix);

  /** `count` updates of `writer` (each pushes its number to the array `n`), stored in one commit. */
  async function appendNumbers(name: string, writer: Y.Doc, count: number): Promise<void> {
    const numbers = writer.getArray<number>('n');
    const batch: Array<{ documentName: string; update: Uint8Array }> = [];
    const capture = (update: Uint8Array) => batch.push({ documentName: name, update });
    writer.on('update', capture);
    for (let i = 0; i < count; i++) numbers.push([numbers.length]);
    writer.off('update', capture);
    await app.documents.appendBatch(batch);
  }

  it('gives the state a load in the process gives, and folds what it read', async () => {
    const name = await newDocument('worker');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 30);
    await app.documents.compact(name); // a snapshot, then a log
    await appendNumbers(name, writer, 2_000);

    const here = new Y.Doc();
    expect(await app.documents.loadInto(name, here)).toEqual({ updateCount: 2_000 });
    const there = new Y.Doc();
    const loaded = await offThread.loadInto(name, there, { foldAtLeast: 500 });
    expect(loaded.offThread).toBe(true);
    expect(loaded.updateCount).toBe(2_000);
    expect(Y.encodeStateVector(there)).toEqual(Y.encodeStateVector(here));
    expect(there.getArray<number>('n').toArray()).toEqual(writer.getArray<number>('n').toArray());

    expect(await offThread.foldLoaded(name, loaded.fold!)).toEqual({ folded: 2_000 });
    expect(await app.documents.countLoggedUpdates(name)).toBe(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, await app.documents.loadState(name));
    expect(reloaded.getArray<number>('n').toArray()).toEqual(writer.getArray<number>('n').toArray());
  });

  it('keeps the event loop turning while it replays', async () => {
    const name = await newDocument('worker-loop');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 5_000);
    let turns = 0;
    let loading = true;
    const turn = () => {
      turns++;
      if (loading) setImmediate(turn);
    };
    setImmediate(turn);
    const loaded = await offThread.loadInto(name, new Y.Doc());
    loading = false;
    expect(loaded).toEqual({ updateCount: 5_000, offThread: true });
    // The worker started, read 5,000 rows and replayed them while this thread went on.
    expect(turns).toBeGreaterThan(100);
  });

  it('loads short logs in the process, and nothing from a document that has no log', async () => {
    const name = await newDocument('worker-short');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 49);
    expect(await offThread.loadInto(name, new Y.Doc())).toEqual({ updateCount: 49 });
    expect(await offThread.loadInto(await newDocument('worker-empty'), new Y.Doc())).toEqual({
      updateCount: 0,
    });
  });

  it('loses nothing while updates are stored and compacted during its loads', async () => {
    const name = await newDocument('worker-race');
    const writer = new Y.Doc();
    await appendNumbers(name, writer, 60);
    const LOADS = 6;
    let loads = 0;
    const losses: string[] = [];
    let rounds = 0;
    // Stores (and now and then compacts) for as long as the loads run. SQLite's promises settle
    // in microtasks: each round yields a turn, or the worker's answer could never be delivered.
    const write = async () => {
      while (loads < LOADS) {
        await appendNumbers(name, writer, 5);
        if (++rounds % 10 === 0) await app.documents.compact(name);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const load = async () => {
      for (; loads < LOADS; loads++) {
        const before = writer.getArray<number>('n').length;
        const doc = new Y.Doc();
        const { fold } = await offThread.loadInto(name, doc, { foldAtLeast: 1 });
        const seen = doc.getArray<number>('n').length;
        if (seen < before) losses.push(`load ${loads}: ${seen} of ${before}`);
        if (fold) await offThread.foldLoaded(name, fold);
      }
    };
    await Promise.all([write(), load()]);
    expect(losses).toEqual([]);
    expect(rounds).toBeGreaterThan(LOADS);
    const final = new Y.Doc();
    Y.applyUpdate(final, await app.documents.loadState(name));
    expect(final.getArray<number>('n').toArray()).toEqual(writer.getArray<number>('n').toArray());
  });
});
