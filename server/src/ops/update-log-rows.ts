import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { withTimeout } from './with-timeout.ts';

/**
 * Rows in the update log (`doc_updates`), i.e. edits stored but not yet compacted into snapshots.
 * Bounded by `timeoutMs`: on PostgreSQL the statement itself is cancelled by the server after it.
 */
export async function countUpdateLogRows(
  db: Db,
  kind: 'sqlite' | 'postgres',
  timeoutMs: number,
): Promise<number> {
  const count = async (q: Db) => {
    const row = await q
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('rows'))
      .executeTakeFirstOrThrow();
    return Number(row.rows);
  };
  const work =
    kind === 'postgres'
      ? db.transaction().execute(async (trx) => {
          await sql`set local statement_timeout = ${sql.lit(timeoutMs)}`.execute(trx);
          return count(trx);
        })
      : count(db);
  return withTimeout(work, timeoutMs, 'counting the update log');
}
