import type { Kysely } from 'kysely';

/**
 * A single-row marker for the first-run setup. Setup inserts it in the same transaction as the
 * first admin; its primary key lets only one of two concurrent setups commit. An existing
 * installation (it already has users) is marked as set up.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('first_run')
    .addColumn('step', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .execute();
  const existing = await db
    .selectFrom('users')
    .select('id')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    await db
      .insertInto('first_run')
      .values({ step: 'admin', user_id: existing.id, completed_at: new Date().toISOString() })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('first_run').ifExists().execute();
}
