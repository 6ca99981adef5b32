/** Migration 0003 turns the editable documents of existing ladders into their first proposals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Migrator } from 'kysely';
import { migrateToLatest, migrations } from '@rungs/migrations';
import { writeLadderContent } from '@rungs/shared';
import { connectDatabase } from '@rungs/server/db/connect';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';

describe.each(DATABASE_KINDS)('migration 0003 on %s', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('makes each existing draft document proposal #1 of its ladder, and migrates back down', async () => {
    const conn = connectDatabase(db.url);
    try {
      const migrator = new Migrator({ db: conn, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo('0002-accounts');
      expect(before.error).toBeUndefined();

      const doc = new Y.Doc();
      writeLadderContent(doc, testLadder());
      const now = new Date().toISOString();
      const raw = conn as any;
      await raw
        .insertInto('ladders')
        .values({
          id: 'lad1',
          slug: 'old-ladder',
          title: 'Old ladder',
          track: 'IC',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await raw
        .insertInto('documents')
        .values({ name: 'doc-old', ladder_id: 'lad1', kind: 'draft', created_at: now })
        .execute();
      await raw
        .insertInto('doc_updates')
        .values({ document_name: 'doc-old', data: Y.encodeStateAsUpdate(doc), created_at: now })
        .execute();

      await migrateToLatest(conn);
      const proposals = await conn.selectFrom('proposals').selectAll().execute();
      expect(proposals).toEqual([
        expect.objectContaining({
          ladder_id: 'lad1',
          number: 1,
          document_name: 'doc-old',
          state: 'draft',
          base_version: 0,
          author_id: null,
          title: 'First version of Old ladder',
        }),
      ]);
      const documents = await conn.selectFrom('documents').select(['name', 'kind']).execute();
      expect(documents).toEqual([{ name: 'doc-old', kind: 'proposal' }]);

      const down = await migrator.migrateTo('0002-accounts');
      expect(down.error).toBeUndefined();
      expect(await raw.selectFrom('documents').select(['name', 'kind']).execute()).toEqual([
        { name: 'doc-old', kind: 'draft' },
      ]);
      await migrateToLatest(conn);
    } finally {
      await conn.destroy();
    }
  });
});
