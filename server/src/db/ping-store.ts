import { sql } from 'kysely';
import type { Db } from './connect.ts';

/** The cheapest round trip to the database: resolves when it answers, throws when it cannot. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
