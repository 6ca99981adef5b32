import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** Rows in the update log (`doc_updates`), i.e. edits stored but not yet compacted into snapshots. */
export async function countDocUpdates(db: Db): Promise<number> {
  const row = await db
    .selectFrom('doc_updates')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('rows'))
    .executeTakeFirstOrThrow();
  return Number(row.rows);
}

/** PostgreSQL only: the server cancels statements of this transaction that run longer than `ms`. */
export async function setLocalStatementTimeout(trx: Db, ms: number): Promise<void> {
  await sql`set local statement_timeout = ${sql.lit(ms)}`.execute(trx);
}
