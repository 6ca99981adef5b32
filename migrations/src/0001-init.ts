import type { Kysely } from 'kysely';
import { binaryType, dialectOf } from './dialect-helpers.ts';

/** Ladders, the documents they own, and the durable Yjs storage (append log + snapshot). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ladders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required_approvals', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A ladder's editable Yjs documents. Issue 4 turns them into proposals.
  await db.schema
    .createTable('documents')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ladder_id', 'text', (c) => c.notNull().references('ladders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_ladder_idx').on('documents').column('ladder_id').execute();

  const autoId =
    dialectOf(db) === 'postgres'
      ? (c: any) => c.primaryKey().generatedByDefaultAsIdentity()
      : (c: any) => c.primaryKey().autoIncrement();
  await db.schema
    .createTable('doc_updates')
    .addColumn('id', 'integer', autoId)
    .addColumn('document_name', 'text', (c) => c.notNull())
    .addColumn('data', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('doc_updates_document_idx')
    .on('doc_updates')
    .columns(['document_name', 'id'])
    .execute();

  await db.schema
    .createTable('doc_snapshots')
    .addColumn('document_name', 'text', (c) => c.primaryKey())
    .addColumn('state', binaryType(db), (c) => c.notNull())
    .addColumn('last_update_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['doc_snapshots', 'doc_updates', 'documents', 'ladders']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
