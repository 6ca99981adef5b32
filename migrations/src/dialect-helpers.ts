import { sql, type Kysely, type RawBuilder } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/** Kysely has no portable auto-increment or binary type: pick them per dialect. */
export function dialectOf(db: Kysely<any>): SqlDialectName {
  const adapterName = db.getExecutor().adapter.constructor.name;
  return adapterName.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

export function binaryType(db: Kysely<any>): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
}
