/**
 * Sessions end their websockets; sign-in limits hold under concurrency and across instances;
 * X-Forwarded-For is believed only from trusted proxies; first-run setup and invitations can't be
 * won twice.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ListeningApp } from '../helpers/app.ts';
import { api, login, setupAdmin, TEST_PASSWORD, type Session } from '../helpers/auth.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import {
  createTestDatabase,
  DATABASE_KINDS,
  TEST_REDIS_URL,
  type TestDatabase,
} from '../helpers/databases.ts';
import { createLadder, testLadder } from '../helpers/ladders.ts';

interface Close {
  code: number;
  reason: string;
}

/** The first close the server sends this client (it reconnects afterwards; we stop it then). */
function nextClose(client: TestClient): Promise<Close> {
  return new Promise((resolve) => {
    const onClose = (event: any) => {
      client.provider.off('connection-close', onClose);
      resolve({ code: event?.code, reason: String(event?.reason ?? '') });
    };
    client.provider.on('connection-close', onClose);
  });
}

const signIn = (baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });

const uniqueEmail = (what: string) => `${what}-${randomBytes(4).toString('hex')}@example.com`;

/** The address the server recorded for a failed sign-in of `email`, from the audit log. */
async function recordedAddress(admin: Session, email: string): Promise<string | null> {
  const res = await api(admin, 'GET', '/api/audit?action=auth.login_failed');
  const { events } = (await res.json()) as { events: Array<{ target: string; ip: string | null }> };
  const event = events.find((e) => e.target === `email:${email}`);
  if (!event) throw new Error(`no failed sign-in recorded for ${email}`);
  return event.ip;
}

describe.each(DATABASE_KINDS)('sessions and sign-in on %s', (kind) => {
  let db: TestDatabase;
  let main: ListeningApp;
  let admin: Session;
  const apps: ListeningApp[] = [];
  const clients: TestClient[] = [];

  const start = async (env: Record<string, string> = {}, url = db.url) => {
    const started = await startTestApp(url, env);
    apps.push(started);
    return started;
  };
  const client = (app: ListeningApp, session: Session, doc: string) => {
    const c = connectClient(app.wsUrl, doc, { cookie: session.cookie });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    // A high per-address limit: every test signs in from 127.0.0.1.
    main = await start({ RUNGS_LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' });
    admin = await setupAdmin(main.url);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    await Promise.allSettled(apps.map((a) => a.app.close()));
    await db?.drop();
  });

  it("logging out closes that session's open websocket, and only that session's", async () => {
    const { draftDocument } = await createLadder(admin, testLadder());
    const leaving = await login(main.url, admin.user.email);
    const staying = await login(main.url, admin.user.email);
    const leavingClient = client(main, leaving, draftDocument);
    const stayingClient = client(main, staying, draftDocument);
    await Promise.all([waitSynced(leavingClient), waitSynced(stayingClient)]);
    const closed = nextClose(leavingClient);
    let stayingWasClosed = false;
    stayingClient.provider.on('connection-close', () => (stayingWasClosed = true));

    expect((await api(leaving, 'DELETE', '/api/session')).status).toBe(204);
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toMatch(/signed out/i);
    leavingClient.provider.disconnect();

    // The other session's socket stays: an edit through it still comes back stored.
    stayingClient.doc.getText('title').insert(0, 'Still here: ');
    const content = async () =>
      ((await (await api(staying, 'GET', `/api/documents/${draftDocument}/content`)).json()) as any).content;
    await expect
      .poll(async () => (await content()).title, { timeout: 15_000 })
      .toBe('Still here: Test ladder');
    expect(stayingWasClosed).toBe(false);
    expect(stayingClient.provider.wsconnected).toBe(true);
  });

  it('an expiring session closes its open websocket', async () => {
    const short = await start({ RUNGS_SESSION_TTL_MS: '8000' });
    const { draftDocument } = await createLadder(admin, testLadder());
    const session = await login(short.url, admin.user.email);
    const c = client(short, session, draftDocument);
    const closed = nextClose(c);
    await waitSynced(c);
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toMatch(/session expired/i);
    c.provider.disconnect();
    expect((await api(session, 'GET', '/api/ladders')).status).toBe(401);
  }, 60_000);

  it("a role change closes that user's websockets", async () => {
    const { draftDocument } = await createLadder(admin, testLadder());
    const email = uniqueEmail('demoted');
    const created = await api(admin, 'POST', '/api/users', {
      email,
      name: 'Soon Viewer',
      role: 'editor',
      password: TEST_PASSWORD,
    });
    expect(created.status).toBe(201);
    const editor = await login(main.url, email);
    const c = client(main, editor, draftDocument);
    await waitSynced(c);
    const closed = nextClose(c);
    expect((await api(admin, 'PATCH', `/api/users/${editor.user.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await closed).code).toBe(4401);
    c.provider.disconnect();
  });

  it('50 concurrent wrong sign-ins for one account give at most 5 answers other than 429', async () => {
    const limited = await start();
    const email = uniqueEmail('target');
    expect(
      (await api(admin, 'POST', '/api/users', { email, name: 'T', role: 'viewer', password: TEST_PASSWORD }))
        .status,
    ).toBe(201);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => signIn(limited.url, email, 'not the password')),
    );
    const statuses = responses.map((r) => r.status);
    const notLimited = statuses.filter((s) => s !== 429);
    expect(notLimited.length).toBeLessThanOrEqual(5);
    expect(notLimited.every((s) => s === 401)).toBe(true);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as any).error.message).toMatch(
      /Too many sign-in attempts.*Try again in \d+ minute/,
    );
    // The right password waits for the window too.
    expect((await signIn(limited.url, email, TEST_PASSWORD)).status).toBe(429);
  });

  it('two concurrent first-run setups create exactly one admin', async () => {
    for (let round = 0; round < 3; round++) {
      const fresh = await createTestDatabase(kind);
      try {
        const app = await startTestApp(fresh.url);
        try {
          const answers = await Promise.all(
            ['first', 'second'].map((who) =>
              fetch(`${app.url}/api/setup`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ email: uniqueEmail(who), name: who, password: TEST_PASSWORD }),
              }),
            ),
          );
          expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
          const loser = answers.find((r) => r.status === 409)!;
          expect(((await loser.json()) as any).error.message).toMatch(/already has an admin/);
          const users = await app.app.db.selectFrom('users').select(['role']).execute();
          expect(users).toEqual([{ role: 'admin' }]);
        } finally {
          await app.app.close();
        }
      } finally {
        await fresh.drop();
      }
    }
  });

  it('concurrent acceptances of one invitation: exactly one wins, with its password', async () => {
    const email = uniqueEmail('invited');
    const invited = await api(admin, 'POST', '/api/users', { email, name: 'Invited', role: 'editor' });
    expect(invited.status).toBe(201);
    const { user, invitationPath } = (await invited.json()) as {
      user: { id: string };
      invitationPath: string;
    };
    const passwords = Array.from({ length: 8 }, (_, i) => `${TEST_PASSWORD} ${i}`);
    // Concurrent reads first, so the PostgreSQL pool has connections ready for a real race.
    await Promise.all(Array.from({ length: 20 }, () => api(admin, 'GET', '/api/users')));
    const answers = await Promise.all(
      passwords.map((password) =>
        fetch(`${main.url}/api${invitationPath}/accept`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ password }),
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(passwords.length - 1);
    const winner = passwords[statuses.indexOf(200)]!;
    const loser = passwords[statuses.indexOf(404)]!;
    expect((await signIn(main.url, email, loser)).status).toBe(401);
    expect((await signIn(main.url, email, winner)).status).toBe(200);
    const audit = (await (
      await api(admin, 'GET', '/api/audit?action=user.invitation_accepted')
    ).json()) as any;
    expect(audit.events.filter((e: any) => e.target === `user:${user.id}`)).toHaveLength(1);
  });

  describe('X-Forwarded-For', () => {
    const spoofed = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' };

    it('is ignored when no proxy is trusted', async () => {
      const direct = await start({ RUNGS_LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
      const email = uniqueEmail('direct');
      expect((await signIn(direct.url, email, 'wrong', spoofed)).status).toBe(401);
      expect(await recordedAddress(admin, email)).toBe('127.0.0.1');
      // Changing the header does not give a new address to count against.
      for (const n of [1, 2]) {
        const res = await signIn(direct.url, uniqueEmail('direct'), 'wrong', {
          'x-forwarded-for': `192.0.2.${n}`,
        });
        expect(res.status).toBe(401);
      }
      expect(
        (await signIn(direct.url, uniqueEmail('direct'), 'wrong', { 'x-forwarded-for': '192.0.2.3' })).status,
      ).toBe(429);
    });

    for (const trust of ['1', '127.0.0.1', '127.0.0.0/8,10.0.0.1']) {
      it(`gives the address the trusted proxy saw with RUNGS_TRUST_PROXY=${trust}`, async () => {
        const proxied = await start({ RUNGS_TRUST_PROXY: trust, RUNGS_LOGIN_MAX_FAILURES_PER_ADDRESS: '2' });
        const email = uniqueEmail('proxied');
        expect((await signIn(proxied.url, email, 'wrong', spoofed)).status).toBe(401);
        // The client wrote 198.51.100.7; our proxy (127.0.0.1) appended the address it saw.
        expect(await recordedAddress(admin, email)).toBe('203.0.113.9');
        const from = (ip: string) =>
          signIn(proxied.url, uniqueEmail('proxied'), 'wrong', { 'x-forwarded-for': ip });
        expect((await from('192.0.2.10')).status).toBe(401);
        expect((await from('192.0.2.10')).status).toBe(401);
        expect((await from('192.0.2.10')).status).toBe(429);
        expect((await from('192.0.2.11')).status).toBe(401);
      });
    }

    it('is ignored from a peer that is not in the trusted list', async () => {
      const elsewhere = await start({ RUNGS_TRUST_PROXY: '10.0.0.1' });
      const email = uniqueEmail('untrusted');
      expect((await signIn(elsewhere.url, email, 'wrong', spoofed)).status).toBe(401);
      expect(await recordedAddress(admin, email)).toBe('127.0.0.1');
    });
  });
});

describe.each(DATABASE_KINDS)('two instances sharing Redis on %s', (kind) => {
  let db: TestDatabase;
  let one: ListeningApp;
  let two: ListeningApp;
  let admin: Session;
  const prefix = `rungs-test-${randomBytes(4).toString('hex')}`;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      RUNGS_REDIS_PREFIX: prefix,
      // Every request comes from 127.0.0.1: only the per-account limit is under test here.
      RUNGS_LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    };
    one = await startTestApp(db.url, env);
    two = await startTestApp(db.url, env);
    admin = await setupAdmin(one.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.app.close();
    await two?.app.close();
    await db?.drop();
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      await redis.quit();
    }
  });

  it('share one sign-in limit: 50 wrong sign-ins spread over both give at most 5 answers other than 429', async () => {
    const email = uniqueEmail('shared');
    expect(
      (await api(admin, 'POST', '/api/users', { email, name: 'S', role: 'viewer', password: TEST_PASSWORD }))
        .status,
    ).toBe(201);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn((i % 2 ? one : two).url, email, 'wrong')),
    );
    const notLimited = responses.map((r) => r.status).filter((s) => s !== 429);
    expect(notLimited.length).toBeLessThanOrEqual(5);
    expect((await signIn(one.url, email, TEST_PASSWORD)).status).toBe(429);
    expect((await signIn(two.url, email, TEST_PASSWORD)).status).toBe(429);
    const redis = new Redis(TEST_REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}:login-account:*`)).not.toHaveLength(0);
    } finally {
      await redis.quit();
    }
  });

  it('logging out on one instance closes the websocket that session has on the other', async () => {
    const { draftDocument } = await createLadder(admin, testLadder());
    const session = await login(one.url, admin.user.email);
    const c = connectClient(two.wsUrl, draftDocument, { cookie: session.cookie });
    clients.push(c);
    await waitSynced(c);
    const closed = nextClose(c);
    expect((await api(session, 'DELETE', '/api/session')).status).toBe(204);
    const close = await closed;
    expect(close.code).toBe(4401);
    expect(close.reason).toMatch(/signed out/i);
    c.provider.disconnect();
  });
});
