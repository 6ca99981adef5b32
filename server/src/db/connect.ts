import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const sqliteFiles = new WeakMap<Db, string>();

/** The SQLite file behind `db` (a second connection may read it, e.g. in a worker); none for PostgreSQL or memory. */
export function sqliteFileOf(db: Db): string | undefined {
  return sqliteFiles.get(db);
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

// int8 (COUNT, SUM) arrives as a string by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export function connectDatabase(url: string, onPoolError: (err: Error) => void = () => {}): Db {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // Bounded waits: with the server down, a query fails (and callers retry or say so) instead
      // of waiting forever for a connection.
      connectionTimeoutMillis: 5000,
      query_timeout: 30_000,
    });
    // An idle connection the server ended (restart, pg_terminate_backend) is dropped from the
    // pool and replaced on next use; unhandled, the event would crash the process.
    pool.on('error', onPoolError);
    // A connection checked out (inside a transaction, between two queries) has no pool listener:
    // its 'error' would be unhandled too. Its next query fails, which callers handle, and the pool
    // drops it on release since it is no longer queryable.
    pool.on('connect', (client) => client.on('error', onPoolError));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL + FULL: a commit is on disk (fsync of the WAL) before "All changes saved" is sent, so it
  // survives a power cut, not only a process crash. Its cost per group commit: bench/results/.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (file !== ':memory:') sqliteFiles.set(db, path.resolve(file));
  return db;
}
