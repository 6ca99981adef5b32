/**
 * SIGTERM as a load balancer or orchestrator sends it: drain, tell clients to reconnect elsewhere
 * (1012), store every edit, exit 0. Real server processes on a real database.
 */
import { EventEmitter } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exitGracefullyOnSignals } from '@rungs/server/ops/graceful-shutdown';
import { setupAdmin, type Session } from '../helpers/auth.ts';
import { buildTestApp } from '../helpers/app.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import {
  cellText,
  createLadder,
  fetchContent,
  fragmentText,
  testLadder,
  typeIntoCell,
} from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { waitFor } from '../helpers/wait.ts';

const exited = (server: ServerProcess) =>
  new Promise<number | null>((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    else server.child.once('exit', (code) => resolve(code));
  });

describe.each(DATABASE_KINDS)('SIGTERM on %s', (kind) => {
  let db: TestDatabase;
  const servers: ServerProcess[] = [];
  const clients: TestClient[] = [];
  const start = async (options: { port?: number; env?: Record<string, string> } = {}) => {
    const server = await startServer({ databaseUrl: db.url, ...options });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all(servers.splice(0).map((s) => s.kill9()));
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('closes websockets with 1012, stores every edit and exits 0; the client catches up on the next instance', async () => {
    const first = await start();
    const admin: Session = await setupAdmin(first.url, `admin-${kind}@example.com`);
    const ladder = await createLadder(admin, testLadder(2, 2));
    const editor = connectClient(first.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
    const watcher = connectClient(first.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
    clients.push(editor, watcher);
    await Promise.all([waitSynced(editor), waitSynced(watcher)]);
    const closeCodes: number[] = [];
    const closeReasons: string[] = [];
    editor.provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
      closeCodes.push(event?.code ?? 0);
      closeReasons.push(event?.reason ?? '');
    });

    typeIntoCell(editor.doc, 'L1', 'C1', 'Seen by the server before the restart.');
    await waitFor(
      () => fragmentText(watcher.doc, 'cell:L1:C1') === 'Seen by the server before the restart.',
      {
        message: 'the server to relay the first edit',
      },
    );
    // Edits in flight while the signal arrives: stored now, or sent again by the client later.
    for (let i = 0; i < 20; i++) typeIntoCell(editor.doc, 'L2', 'C2', ` burst ${i}`);
    const exitCode = exited(first);
    first.child.kill('SIGTERM');
    expect(await exitCode).toBe(0);
    await waitFor(() => closeCodes.length > 0, { message: 'the editor to see its connection close' });
    expect(closeCodes[0]).toBe(1012);
    expect(closeReasons[0]).toBe('Server is restarting; reconnecting.');

    // The next instance, on the same database and address: what the first stored is there, and
    // the editor reconnects by itself and sends whatever the first did not receive.
    const second = await start({ port: first.port });
    const onSecond = { ...admin, baseUrl: second.url };
    expect(cellText(await fetchContent(onSecond, ladder.draftDocument), 'L1', 'C1')).toBe(
      'Seen by the server before the restart.',
    );
    const burst = Array.from({ length: 20 }, (_, i) => ` burst ${i}`).join('');
    await waitFor(
      async () => cellText(await fetchContent(onSecond, ladder.draftDocument), 'L2', 'C2') === burst,
      {
        message: 'every edit of the burst to be stored',
        timeoutMs: 30_000,
      },
    );
  });

  it('keeps serving, unready, through SHUTDOWN_GRACE_MS; a second signal exits 1', async () => {
    const server = await start({ env: { SHUTDOWN_GRACE_MS: '600000', SHUTDOWN_TIMEOUT_MS: '1200000' } });
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    const exitCode = exited(server);
    server.child.kill('SIGTERM');
    const ready = await waitFor(async () => {
      const res = await fetch(`${server.url}/api/ready`);
      return res.status === 503 ? res : null;
    });
    expect(await ready.json()).toEqual({ status: 'draining', reason: 'This instance is shutting down.' });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', draining: true });
    server.child.kill('SIGTERM');
    expect(await exitCode).toBe(1);
  });
});

describe('exitGracefullyOnSignals', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('exits 1 when shutting down takes longer than the timeout', async () => {
    const app = await buildTestApp(db.url);
    const signals = new EventEmitter();
    const codes: number[] = [];
    exitGracefullyOnSignals(app, {
      graceMs: 600_000,
      timeoutMs: 50,
      signals,
      exit: (code) => codes.push(code),
    });
    signals.emit('SIGINT');
    await waitFor(() => codes.length > 0, { message: 'the hard timeout' });
    expect(codes).toEqual([1]);
    expect(app.readiness.isDraining).toBe(true);
    await app.close();
  });
});
