import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connectDatabase } from '@rungs/server/db/connect';

export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function onAdminDatabase(adminUrl: string, statement: string): Promise<void> {
  const db = connectDatabase(adminUrl);
  try {
    await sql.raw(statement).execute(db);
  } finally {
    await db.destroy();
  }
}

/** A new, empty PostgreSQL database for one run, on the server `adminUrl` points at. */
export async function createPostgresDatabase(adminUrl = BENCH_POSTGRES_URL): Promise<BenchDatabase> {
  const name = `rungs_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await onAdminDatabase(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onAdminDatabase(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
