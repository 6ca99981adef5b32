import type { AddressInfo } from 'node:net';
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

export interface ListeningApp {
  app: FastifyInstance;
  url: string;
  /** Base URL for `connectClient` (…/collab). */
  wsUrl: string;
}

/** The real app in this process, listening on a free port (cheaper than a child process). */
export async function startTestApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ListeningApp> {
  const app = await buildTestApp(databaseUrl, env);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/collab` };
}
