/**
 * A document loads from one consistent read: a compaction folding the log into the snapshot
 * while a load runs must not hide any stored update from that load.
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

  it('every load holds every update stored before it began', async () => {
    const store = app.documents;
    const name = `load-race-${randomBytes(4).toString('hex')}`;
    // The group commit stores updates only for documents that exist (and are writable).
    const now = new Date().toISOString();
    await app.db
      .insertInto('ladders')
      .values({ id: name, slug: name, title: name, track: '', created_at: now, updated_at: now })
      .execute();
    await app.db
      .insertInto('documents')
      .values({ name, ladder_id: name, kind: 'proposal', created_at: now })
      .execute();
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
