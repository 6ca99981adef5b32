import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LadderContent } from '@rungs/shared';
import { freePort, REPO_ROOT, spawnServer, type ChildServer, type ServerOptions } from './process.ts';
import type { BenchDocument, BenchServer } from './types.ts';

/** `GET /metrics` answers the bench with it. */
const METRICS_TOKEN = 'rungs-bench-metrics-token';

interface Session {
  cookie: string;
  csrfToken: string;
}

export interface RungsOptions extends ServerOptions {
  /** Where it stores (a PostgreSQL URL, say); default: a fresh SQLite file of its own. */
  databaseUrl?: string;
  /** More environment for `rungs serve` (REDIS_URL, RUNGS_REDIS_PREFIX, limits). */
  env?: Record<string, string>;
  /** Shown in logs and reports, for runs with several instances. */
  label?: string;
}

/** `rungs serve` as users run it, on a fresh SQLite file, signed in as the first admin. */
export async function startRungs(options: RungsOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const dir = options.databaseUrl
    ? null
    : fs.mkdtempSync(path.join(options.dataDir ?? os.tmpdir(), 'rungs-bench-'));
  const databaseUrl = options.databaseUrl ?? path.join(dir!, 'rungs.sqlite');
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    // Every simulated editor signs in as the one admin; the per-user cap is for people, not the bench.
    RUNGS_WS_MAX_CONNECTIONS_PER_USER: '1000',
    ...options.env,
  };
  // What every process this server was (one per restart) printed, for a report on a failure.
  const outputs: (() => string)[] = [];
  const start = () =>
    spawnServer({
      script: 'server/src/cli.ts',
      args: ['serve'],
      cwd: REPO_ROOT,
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        METRICS_TOKEN,
        ...env,
      },
      priority: options.priority,
      probe: options.probe,
      cpuProfileDir: options.cpuProfileDir,
      gcOnSignal: options.gcOnSignal,
      ready: async () => (await fetch(`${baseUrl}/api/health`)).ok,
    });
  const started = async () => {
    const c = await start();
    outputs.push(() => c.output());
    return c;
  };
  let child: ChildServer = await started();
  // One admin for every document, however many are created at once.
  let admin: Promise<Session> | undefined;

  const createLadder = async (content: LadderContent): Promise<BenchDocument> => {
    const session = await (admin ??= setupAdmin(baseUrl));
    const res = await fetch(`${baseUrl}/api/ladders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
      body: JSON.stringify({ title: content.title, track: content.track, content }),
    });
    if (res.status !== 201) throw new Error(`create ladder failed: ${res.status} ${await res.text()}`);
    const { ladder } = (await res.json()) as { ladder: { draftDocument: string | null } };
    if (!ladder.draftDocument) throw new Error('the new ladder has no draft document');
    return { name: ladder.draftDocument, cookie: session.cookie, seeded: true };
  };
  let creating: Promise<unknown> = Promise.resolve();

  return {
    id: 'rungs',
    label: options.label ?? 'Rungs',
    configuration:
      '`rungs serve` (Fastify + @fastify/websocket), ' +
      (options.databaseUrl ? 'PostgreSQL' : 'SQLite file (WAL, synchronous=FULL)') +
      ', LOG_LEVEL=warn; ' +
      'each websocket carries the admin session cookie; the room is the ladder draft created over REST' +
      Object.entries(env)
        .map(([k, v]) => `; ${k}=${v}`)
        .join(''),
    persistence:
      'appends every update to the SQL update log (group commit per event-loop turn) before broadcasting it',
    protocol: 'y-websocket',
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid: () => child.pid,
    cpuSeconds: () => child.cpuSeconds(),
    createDocument(content: LadderContent): Promise<BenchDocument> {
      // One at a time: concurrent creations of ladders with one title can both pick the same slug
      // (LadderService.uniqueSlug checks before its insert) and one fails with a 500.
      const created = creating.then(() => createLadder(content));
      creating = created.catch(() => {});
      return created;
    },
    async metrics() {
      const res = await fetch(`${baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      if (!res.ok) throw new Error(`GET /metrics failed: ${res.status}`);
      return res.text();
    },
    output: () => outputs.map((o, i) => `--- process ${i + 1} ---\n${o()}`).join('\n'),
    sqliteFile: dir ? databaseUrl : undefined,
    kill9: () => child.kill9(),
    async restart(between) {
      await child.stop();
      await between?.();
      child = await started();
    },
    async stop() {
      await child.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function setupAdmin(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.com',
      name: 'Bench Admin',
      password: 'bench horse battery staple',
    }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('rungs_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error('no session cookie in the setup response');
  return { cookie, csrfToken: body.csrfToken };
}
