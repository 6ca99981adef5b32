import type { Db } from '../db/connect.ts';
import { countDocUpdates, setLocalStatementTimeout } from './update-log-store.ts';
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
  const work =
    kind === 'postgres'
      ? db.transaction().execute(async (trx) => {
          await setLocalStatementTimeout(trx, timeoutMs);
          return countDocUpdates(trx);
        })
      : countDocUpdates(db);
  return withTimeout(work, timeoutMs, 'counting the update log');
}
