/**
 * What operators run Rungs with: liveness and readiness probes, Prometheus metrics, request ids.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import databasePlugin from '@rungs/server/plugins/database';
import readinessPlugin from '@rungs/server/plugins/readiness';
import readyRoutes from '@rungs/server/routes/api/ready/index';
import { buildApp, loadConfig } from '@rungs/server';
import { setupAdmin, api, type Session } from '../helpers/auth.ts';
import { buildTestApp, startTestApp, type ListeningApp } from '../helpers/app.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from '../helpers/databases.ts';
import { createLadder, testLadder } from '../helpers/ladders.ts';
import { freePort } from '../helpers/server-process.ts';
import { waitFor } from '../helpers/wait.ts';

const METRICS_TOKEN = randomBytes(24).toString('hex');

/** The value of an unlabelled sample in Prometheus text, or undefined when absent. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('operations', () => {
  let db: TestDatabase;
  const apps: FastifyInstance[] = [];
  const clients: TestClient[] = [];
  const track = <T extends FastifyInstance>(app: T) => (apps.push(app), app);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const app of apps.splice(0)) await app.close();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describe('/api/health and /api/ready', () => {
    it('are both fine on SQLite without Redis', async () => {
      const app = track(await buildTestApp(db.url));
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({
        status: 'ok',
        database: 'sqlite',
        loadedDocuments: 0,
        draining: false,
      });
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not configured' } });
    });

    it('checks Redis when REDIS_URL is set', async () => {
      const app = track(
        await buildTestApp(db.url, {
          REDIS_URL: TEST_REDIS_URL,
          RUNGS_REDIS_PREFIX: `rungs-test-${randomBytes(4).toString('hex')}`,
        }),
      );
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    });

    it('keep health alive but refuse readiness when the database is gone', async () => {
      const database = await createTestDatabase('sqlite');
      const app = await buildTestApp(database.url);
      try {
        await app.db.destroy();
        expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
        const ready = await app.inject({ url: '/api/ready' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({
          status: 'not_ready',
          checks: { database: 'failed', redis: 'not configured' },
          reason: expect.stringMatching(/^The database is unreachable: .+\.$/),
        });
      } finally {
        await app.close().catch(() => {});
        await database.drop();
      }
    });

    it('refuses readiness, saying why, while Redis is unreachable', async () => {
      // The whole app would wait for Redis before it listens; the probe is checked on its own.
      const app = track(Fastify());
      await app.register(databasePlugin, { databaseUrl: db.url });
      await app.register(readinessPlugin, { redisUrl: 'redis://127.0.0.1:1', timeoutMs: 2000 });
      await app.register(readyRoutes, { prefix: '/api' });
      for (let attempt = 0; attempt < 2; attempt++) {
        const ready = await app.inject({ url: '/api/ready' });
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({
          status: 'not_ready',
          checks: { database: 'ok', redis: 'failed' },
          reason: expect.stringMatching(/^Redis is unreachable: .*ECONNREFUSED.*\.$/),
        });
      }
    });

    it('report draining once shutdown has started, while health still answers', async () => {
      const app = track(await buildTestApp(db.url));
      app.readiness.startDraining();
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'draining', reason: 'This instance is shutting down.' });
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok', draining: true });
    });
  });

  describe('/metrics', () => {
    it('is not served unless configured', async () => {
      const app = track(await buildTestApp(db.url));
      const res = await app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(404);
    });

    it('needs the bearer token when METRICS_TOKEN is set', async () => {
      const app = track(await buildTestApp(db.url, { METRICS_TOKEN }));
      const none = await app.inject({ url: '/metrics' });
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${'x'.repeat(48)}` },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.headers['content-type']).toMatch(/^text\/plain/);
      for (const name of [
        'rungs_ws_connections',
        'rungs_loaded_documents',
        'rungs_group_commit_pending',
        'rungs_update_log_rows',
      ]) {
        expect(sample(right.body, name), name).toBe(0);
      }
      for (const name of [
        'process_cpu_user_seconds_total',
        'nodejs_eventloop_lag_seconds',
        'rungs_commit_latency_seconds',
        'rungs_commit_batch_size',
        'rungs_fanout_messages_total',
        'rungs_resyncs_total',
        'rungs_refused_messages_total',
        'rungs_merges_total',
        'rungs_imports_total',
      ]) {
        expect(right.body).toContain(`# TYPE ${name} `);
      }
    });

    it('counts live connections, loaded documents and stored updates', async () => {
      const listening: ListeningApp = await startTestApp(db.url, { METRICS_TOKEN });
      track(listening.app);
      const admin: Session = await setupAdmin(
        listening.url,
        `metrics-${randomBytes(3).toString('hex')}@example.com`,
      );
      const ladder = await createLadder(admin, testLadder(1, 1));
      const scrape = async () => {
        const res = await fetch(`${listening.url}/metrics`, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        });
        expect(res.status).toBe(200);
        return res.text();
      };
      const c = connectClient(listening.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
      clients.push(c);
      await waitSynced(c);
      c.doc.getMap('probe').set('typed', 'yes');
      const text = await waitFor(async () => {
        const t = await scrape();
        return (sample(t, 'rungs_update_log_rows') ?? 0) > 0 ? t : null;
      });
      expect(sample(text, 'rungs_ws_connections')).toBe(1);
      expect(sample(text, 'rungs_loaded_documents')).toBe(1);

      const res = await api(admin, 'POST', '/api/imports/preview', {
        text: '# Not a ladder\n\nJust a line.',
      });
      expect(res.status).toBeGreaterThanOrEqual(200);
      const outcome = res.ok ? 'ok' : ((await res.json()) as { error: { code: string } }).error.code;
      expect(await scrape()).toContain(`rungs_imports_total{outcome="${outcome}"} 1`);
    });

    it('is served on its own port without a token when only METRICS_PORT is set', async () => {
      const metricsPort = await freePort();
      const listening = await startTestApp(db.url, { METRICS_PORT: String(metricsPort), HOST: '127.0.0.1' });
      track(listening.app);
      const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toContain('rungs_ws_connections 0');
      expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
      expect((await fetch(`${listening.url}/metrics`)).status).toBe(404);
    });

    it('keeps each app to its own registry', async () => {
      const one = track(await buildTestApp(db.url, { METRICS_TOKEN }));
      const two = track(await buildTestApp(db.url, { METRICS_TOKEN }));
      one.metrics.merges.inc({ outcome: 'merged' });
      const text = async (app: FastifyInstance) =>
        (await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).body;
      expect(await text(one)).toContain('rungs_merges_total{outcome="merged"} 1');
      expect(await text(two)).not.toContain('rungs_merges_total{outcome="merged"}');
    });
  });

  it('probes and counts the update log on PostgreSQL too', async () => {
    const postgres = await createTestDatabase('postgres');
    const app = await buildTestApp(postgres.url, { METRICS_TOKEN });
    try {
      const ready = await app.inject({ url: '/api/ready' });
      expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not configured' } });
      const res = await app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(sample(res.body, 'rungs_update_log_rows')).toBe(0);
    } finally {
      await app.close();
      await postgres.drop();
    }
  });

  describe('X-Request-Id', () => {
    it('echoes a safe id the caller sent, on answers and refusals alike', async () => {
      const app = track(await buildTestApp(db.url));
      for (const url of ['/api/health', '/api/users', '/no/such/route']) {
        const res = await app.inject({ url, headers: { 'x-request-id': 'lb-1234:abcd' } });
        expect(res.headers['x-request-id'], url).toBe('lb-1234:abcd');
      }
    });

    it('makes one up when none or an unsafe one is sent', async () => {
      const app = track(await buildTestApp(db.url));
      const plain = await app.inject({ url: '/api/health' });
      const unsafe = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'a b\tc' } });
      for (const res of [plain, unsafe]) {
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      expect(plain.headers['x-request-id']).not.toBe(unsafe.headers['x-request-id']);
    });

    it('is the reqId of the request in the logs, errors included', async () => {
      const lines: Array<{ reqId?: string; level?: number; msg?: string }> = [];
      const database = await createTestDatabase('sqlite');
      const app = await buildApp({
        config: loadConfig({
          DATABASE_URL: database.url,
          RUNGS_WEB_DIST: '/nonexistent',
          LOG_LEVEL: 'debug',
        }),
        logger: { level: 'debug', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
      });
      try {
        await app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-me-42' } });
        expect(lines.some((l) => l.reqId === 'trace-me-42')).toBe(true);

        await app.db.destroy(); // every query now fails: a 500, logged as an error
        const failed = await app.inject({ url: '/api/setup', headers: { 'x-request-id': 'trace-the-500' } });
        expect(failed.statusCode).toBe(500);
        expect(failed.headers['x-request-id']).toBe('trace-the-500');
        expect(lines.filter((l) => l.level === 50 && l.reqId === 'trace-the-500').map((l) => l.msg)).toEqual([
          'request failed',
        ]);
      } finally {
        await app.close().catch(() => {});
        await database.drop();
      }
    });
  });
});
