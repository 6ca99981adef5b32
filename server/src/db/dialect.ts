import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from '@rungs/migrations';

export function isPostgres(db: Kysely<any>): boolean {
  return dialectOf(db) === 'postgres';
}

/**
 * Runs several reads against one snapshot of the database. PostgreSQL: a read-only REPEATABLE
 * READ transaction (its snapshot is taken at the first statement). SQLite: a read transaction,
 * which in WAL mode sees one snapshot until it ends (and holds our single connection meanwhile).
 */
export async function consistentRead<DB, T>(
  db: Kysely<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const builder = db.transaction();
  const tx = isPostgres(db)
    ? builder.setIsolationLevel('repeatable read').setAccessMode('read only')
    : builder;
  return tx.execute(fn);
}
