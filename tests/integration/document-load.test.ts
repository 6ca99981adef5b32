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
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';

const UPDATES = 400;

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

  /** A document the group commit may store into (it refuses documents that don't exist). */
  async function newDocument(prefix: string): Promise<string> {
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
