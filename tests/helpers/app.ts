import type { FastifyInstance } from 'fastify';
import { buildApp, loadConfig } from '@rungs/server';

/** The real app in this process (for `inject` and a listening port), on the given database. */
export async function buildTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    RUNGS_WEB_DIST: '/nonexistent',
    ...env,
  });
  return buildApp({ config, logger: false });
}

/** Every row of every table, for "nothing changed" assertions. */
export async function databaseSnapshot(app: FastifyInstance): Promise<Record<string, unknown[]>> {
  const tables = (await app.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'));
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables.sort()) {
    snapshot[table] = await (app.db as any).selectFrom(table).selectAll().execute();
  }
  return snapshot;
}
