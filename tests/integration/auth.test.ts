import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createUser, login, setupAdmin, TEST_PASSWORD, type Session } from '../helpers/auth.ts';
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

const MAX_FAILURES = 4;

describe.each(DATABASE_KINDS)('accounts and security on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let admin: Session;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({
      databaseUrl: db.url,
      env: {
        RUNGS_LOGIN_MAX_FAILURES: String(MAX_FAILURES),
        RUNGS_TEST_LOG_LEVEL: 'debug',
        LOG_LEVEL: 'debug',
      },
    });
    admin = await setupAdmin(server.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const before = await (await api(admin, 'GET', '/api/ladders')).json();
    const res = await fetch(`${server.url}/api/ladders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie },
      body: JSON.stringify({ title: 'Forged' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe('csrf');
    const wrongToken = await fetch(`${server.url}/api/ladders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': 'nope' },
      body: JSON.stringify({ title: 'Forged' }),
    });
    expect(wrongToken.status).toBe(403);
    // A cross-site form can only post text/plain: refused outright.
    const form = await fetch(`${server.url}/api/ladders`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: '{"title":"Forged"}',
    });
    expect(form.status).toBe(415);
    expect(await (await api(admin, 'GET', '/api/ladders')).json()).toEqual(before);
    const ok = await api(admin, 'POST', '/api/ladders', { title: 'Real' });
    expect(ok.status).toBe(201);
  });

  it('rate-limits failed logins per account with 429, without revealing which accounts exist', async () => {
    const victim = await createUser(admin, 'viewer');
    const attempt = (email: string, password: string) =>
      fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    const unknown = await attempt('nobody@example.com', 'wrong password');
    const wrong = await attempt(victim.user.email, 'wrong password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 1; i < MAX_FAILURES; i++)
      expect((await attempt(victim.user.email, 'wrong')).status).toBe(401);
    const limited = await attempt(victim.user.email, 'wrong');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password is refused while the account is limited.
    expect((await attempt(victim.user.email, TEST_PASSWORD)).status).toBe(429);
    const audit = (await (await api(admin, 'GET', '/api/audit?action=auth.login_failed')).json()) as any;
    expect(audit.events.length).toBeGreaterThanOrEqual(MAX_FAILURES);
  });

  it('logs out, and a logged-out session no longer works', async () => {
    const editor = await createUser(admin, 'editor');
    expect(((await (await api(editor, 'GET', '/api/session')).json()) as any).user.email).toBe(
      editor.user.email,
    );
    expect((await api(editor, 'DELETE', '/api/session')).status).toBe(204);
    expect(((await (await api(editor, 'GET', '/api/session')).json()) as any).user).toBeNull();
    expect((await api(editor, 'GET', '/api/ladders')).status).toBe(401);
  });

  it('expires sessions', async () => {
    const short = await startServer({ databaseUrl: db.url, env: { RUNGS_SESSION_TTL_MS: '1500' } });
    try {
      const s = await login(short.url, admin.user.email);
      expect((await api(s, 'GET', '/api/ladders')).status).toBe(200);
      await waitFor(async () => (await api(s, 'GET', '/api/ladders')).status === 401, {
        timeoutMs: 15_000,
        intervalMs: 200,
      });
      expect(((await (await api(s, 'GET', '/api/session')).json()) as any).user).toBeNull();
    } finally {
      await short.stop();
    }
  });

  it("a reviewer's websocket edits change nothing; viewers and anonymous websockets are refused", async () => {
    const ladder = await createLadder(admin, testLadder());
    const reviewer = await createUser(admin, 'reviewer', 'Rita Reviewer');
    const editor = await createUser(admin, 'editor', 'Eddie Editor');
    const watcher = connectClient(server.wsUrl, ladder.draftDocument, { cookie: editor.cookie });
    const intruder = connectClient(server.wsUrl, ladder.draftDocument, { cookie: reviewer.cookie });
    clients.push(watcher, intruder);
    await Promise.all([waitSynced(watcher), waitSynced(intruder)]);

    const rows = async () => {
      const res = await api(admin, 'GET', `/api/documents/${ladder.draftDocument}/content`);
      return JSON.stringify(await res.json());
    };
    const before = await rows();
    const watcherUpdates = watcher.remoteUpdates;
    typeIntoCell(intruder.doc, 'L1', 'C1', 'Viewer vandalism');
    intruder.doc.getText('title').insert(0, 'HACKED ');

    // The editor still sees and stores its own edits; the reviewer receives them live.
    typeIntoCell(watcher.doc, 'L2', 'C2', 'Editor edit');
    await waitFor(() => fragmentText(intruder.doc, 'cell:L2:C2') === 'Editor edit', {
      message: 'the reviewer to see the edit',
    });
    await waitFor(
      async () => cellText(await fetchContent(admin, ladder.draftDocument), 'L2', 'C2') === 'Editor edit',
    );
    const after = await fetchContent(admin, ladder.draftDocument);
    expect(cellText(after, 'L1', 'C1')).toBe('');
    expect(after.title).toBe('Test ladder');
    expect(JSON.parse(before).content.title).toBe(after.title);
    expect(fragmentText(watcher.doc, 'cell:L1:C1')).toBe('');
    expect(watcher.doc.getText('title').toString()).toBe('Test ladder');
    expect(watcher.remoteUpdates).toBe(watcherUpdates);

    // A draft is unpublished work: viewers may not open it (issue 8), anonymous callers neither.
    const viewer = await createUser(admin, 'viewer', 'Vera Viewer');
    for (const [cookie, expected] of [
      [viewer.cookie, 4403],
      [undefined, 4401],
    ] as const) {
      const refusedClient = connectClient(server.wsUrl, ladder.draftDocument, { cookie });
      clients.push(refusedClient);
      const code = await new Promise<number>((resolve) =>
        refusedClient.provider.on('connection-close', (event: any) => resolve(event?.code)),
      );
      expect(code).toBe(expected);
      refusedClient.provider.disconnect();
    }
  });

  it("closes a disabled user's open websocket and ends their sessions", async () => {
    const ladder = await createLadder(admin, testLadder());
    const editor = await createUser(admin, 'editor', 'Soon Disabled');
    const client = connectClient(server.wsUrl, ladder.draftDocument, { cookie: editor.cookie });
    clients.push(client);
    await waitSynced(client);
    const closed = new Promise<number>((resolve) =>
      client.provider.on('connection-close', (e: any) => resolve(e?.code)),
    );
    const res = await api(admin, 'PATCH', `/api/users/${editor.user.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(await closed).toBe(4401);
    client.provider.disconnect();
    expect((await api(editor, 'GET', '/api/ladders')).status).toBe(401);
    const relogin = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.user.email, password: TEST_PASSWORD }),
    });
    expect(relogin.status).toBe(401);
    const audit = (await (await api(admin, 'GET', '/api/audit?action=user.disabled')).json()) as any;
    expect(audit.events.map((e: any) => e.target)).toContain(`user:${editor.user.id}`);
  });

  it('never puts a password in a response or a log line', async () => {
    const secret = 'a-very-distinct-password-1234';
    const created = await api(admin, 'POST', '/api/users', {
      email: 'secretive@example.com',
      name: 'Secretive',
      role: 'editor',
      password: secret,
    });
    const bodies = [await created.text()];
    const s = await login(server.url, 'secretive@example.com', secret);
    bodies.push(await (await api(s, 'GET', '/api/session')).text());
    bodies.push(await (await api(admin, 'GET', '/api/users')).text());
    bodies.push(await (await api(admin, 'GET', '/api/audit')).text());
    await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'secretive@example.com', password: `${secret}-wrong` }),
    });
    for (const body of bodies) {
      expect(body).not.toContain(secret);
      expect(body).not.toMatch(/password_hash|scrypt\$/);
    }
    expect(server.output()).toContain('"url":"/api/session"'); // request logs are on (debug)
    expect(server.output()).not.toContain(secret);
    expect(server.output()).not.toContain(TEST_PASSWORD);
  });

  it('sends security headers with a Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBeTruthy();
  });

  it('refuses oversized request bodies with 413 and a clear error the client can read', async () => {
    // The server reads the rest of the body before answering, so the client is not cut off
    // mid-upload (EPIPE) and reads the 413, whether the body is a little or a lot too large.
    for (const megabytes of [2, 12]) {
      const res = await api(admin, 'PATCH', `/api/ladders/whatever`, {
        title: 'x'.repeat(megabytes * 1024 * 1024),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.message).toMatch(/larger than the server accepts \(1 MB\)/);
    }
    // Without a Content-Length the limit is found while reading.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 48) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const chunked = await fetch(`${server.url}/api/ladders/whatever`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as any).error.code).toBe('body_too_large');
  });
});
