/**
 * Two instances on one PostgreSQL and Redis, under the faults that happen in production: Redis
 * connections dropped, an instance killed, PostgreSQL connections cut or refused, a proposal's
 * state changed on the other instance. SQL is the truth: no edit a client was told is saved may
 * be missing from it, and the instances converge by themselves.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { Session } from '../helpers/auth.ts';
import { Burst, cellOf, missingTokens, storedDocument } from '../helpers/burst.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import {
  createTestDatabase,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestDatabase,
} from '../helpers/databases.ts';
import { fragmentText, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import { waitFor } from '../helpers/wait.ts';
import {
  call,
  createPublishedLadder,
  createTeam,
  merge,
  proposalPath,
  startProposal,
  versionContent,
  cellText,
  type Team,
} from '../helpers/proposals.ts';

const on = (server: ServerProcess, session: Session): Session => ({ ...session, baseUrl: server.url });

async function killRedisClients(prefix: string): Promise<number> {
  const admin = new Redis(TEST_REDIS_URL);
  try {
    const list = (await admin.client('LIST')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${prefix}:`))
      .map((line) => /\bid=(\d+)/.exec(line)![1]!);
    for (const id of ids) await admin.client('KILL', 'ID', id);
    return ids.length;
  } finally {
    admin.disconnect();
  }
}

async function onAdminDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);

describe('two instances under faults', () => {
  let cluster: Cluster;
  let db: TestDatabase;
  let one: ServerProcess;
  let two: ServerProcess;
  let team: Team;
  const clients: TestClient[] = [];

  const client = async (server: ServerProcess, session: Session, doc: string) => {
    const c = connectClient(server.wsUrl, doc, { cookie: session.cookie });
    clients.push(c);
    await waitSynced(c);
    return c;
  };

  /** A proposal on a fresh ladder, publishable without approvals. */
  const proposal = async (title: string) => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, title));
    await call(team.admin, 'PATCH', `/api/ladders/${slug}/settings`, { requiredApprovals: 0 });
    const p = await startProposal(team.alice, slug, title, { open: true });
    return { slug, number: p.number, documentName: p.documentName };
  };

  beforeAll(async () => {
    cluster = await startCluster('faults');
    ({ db, one, two } = cluster);
    team = await createTeam(one.url);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  // A failure says what the servers said.
  beforeEach(() =>
    onTestFailed(() => {
      console.log(`--- instance one ---\n${one.output().slice(-8000)}`);
      console.log(`--- instance two ---\n${two.output().slice(-8000)}`);
    }),
  );

  afterAll(async () => {
    await cluster?.stop();
  });

  it('closed on one instance and reopened on the other, a proposal stores what is typed on the first', async () => {
    const p = await proposal('Close and reopen');
    const a = await client(one, team.bob, p.documentName);
    await call(on(one, team.alice), 'POST', proposalPath(p.slug, p.number, '/close'));
    await call(on(two, team.alice), 'POST', proposalPath(p.slug, p.number, '/reopen'));
    // The client on instance one reconnects after each change and may write again.
    await waitFor(
      async () => {
        typeIntoCell(a.doc, 'L1', 'C1', 'x');
        const stored = await storedDocument(db.url, p.documentName);
        return cellOf(stored, 'L1', 'C1').includes('x');
      },
      { message: 'an edit on instance one to be stored after the reopen on instance two', intervalMs: 200 },
    );
    const typed = `typed after reopen ${randomBytes(3).toString('hex')}`;
    typeIntoCell(a.doc, 'L2', 'C2', typed);
    await waitFor(async () => cellOf(await storedDocument(db.url, p.documentName), 'L2', 'C2') === typed, {
      message: 'the edit typed on instance one to be stored',
    });
    await waitFor(() => a.storedClock >= Y.getState(a.doc.store, a.doc.clientID), {
      message: 'instance one to acknowledge it',
    });
  });

  it('a merge on one instance while editors on the other type loses no acknowledged edit', async () => {
    const p = await proposal('Merge under typing');
    const b = await client(two, team.bob, p.documentName);
    const burst = new Burst(b, 'm', { level: 'L1', competency: 'C1' });
    await waitFor(() => burst.acknowledged.length >= 20, { message: 'some edits to be acknowledged' });
    const { version } = await merge(on(one, team.alice), p.slug, p.number);
    // The editor keeps typing into what is now read-only for a moment.
    await waitFor(
      () => b.provider.wsconnected === false || burst.typed.length > burst.acknowledged.length + 50,
      {
        message: 'the editor to be closed or to run ahead',
      },
    );
    await burst.stop();
    const acknowledged = burst.acknowledged;
    const published = cellText(await versionContent(team.vera, p.slug, version.number), 'L1', 'C1');
    const stored = cellOf(await storedDocument(db.url, p.documentName), 'L1', 'C1');
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(missingTokens(acknowledged, published)).toEqual([]);
    // What was stored is exactly what was published: nothing slipped in after the merge.
    expect(stored).toBe(published);
  });

  it('Redis connections dropped mid-burst: both instances converge and no acknowledged edit is lost', async () => {
    const p = await proposal('Redis blip');
    const a = await client(one, team.alice, p.documentName);
    const b = await client(two, team.bob, p.documentName);
    const burstA = new Burst(a, 'a', { level: 'L1', competency: 'C1' });
    const burstB = new Burst(b, 'b', { level: 'L2', competency: 'C2' });
    await waitFor(() => fragmentText(b.doc, 'cell:L1:C1').includes('a20;'), { message: 'edits to flow' });
    expect(await killRedisClients(cluster.prefix)).toBeGreaterThanOrEqual(4);
    await waitFor(() => burstA.typed.length > 200 && burstB.typed.length > 200, { message: 'more typing' });
    await Promise.all([burstA.stop(), burstB.stop()]);

    const lastA = burstA.typed.at(-1)!;
    const lastB = burstB.typed.at(-1)!;
    await waitFor(
      () =>
        fragmentText(b.doc, 'cell:L1:C1').endsWith(lastA) &&
        fragmentText(a.doc, 'cell:L2:C2').endsWith(lastB),
      { message: 'each client to see everything the other typed', timeoutMs: 30_000 },
    );
    const stored = await storedDocument(db.url, p.documentName);
    expect(missingTokens(burstA.typed, cellOf(stored, 'L1', 'C1'))).toEqual([]);
    expect(missingTokens(burstB.typed, cellOf(stored, 'L2', 'C2'))).toEqual([]);
    expect(fragmentText(a.doc, 'cell:L1:C1')).toBe(fragmentText(b.doc, 'cell:L1:C1'));
    expect(fragmentText(a.doc, 'cell:L2:C2')).toBe(fragmentText(b.doc, 'cell:L2:C2'));
  });

  it('PostgreSQL refusing connections for a while: nothing acknowledged is lost, /api/ready says so, and it recovers', async () => {
    const p = await proposal('Database outage');
    const a = await client(one, team.alice, p.documentName);
    const burst = new Burst(a, 'p', { level: 'L1', competency: 'C2' });
    await waitFor(() => burst.acknowledged.length >= 20, { message: 'some edits to be acknowledged' });
    const name = databaseName(db.url);
    const ackedBefore = burst.acknowledged.length;
    await onAdminDatabase(async (admin) => {
      await admin.query(`alter database ${name} with allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    });
    try {
      await waitFor(async () => (await fetch(`${one.url}/api/ready`)).status === 503, {
        message: '/api/ready to report the outage',
      });
      // Typing goes on; nothing more is acknowledged while nothing can be stored.
      await waitFor(() => burst.typed.length > ackedBefore + 100, { message: 'typing during the outage' });
    } finally {
      await onAdminDatabase((admin) => admin.query(`alter database ${name} with allow_connections true`));
    }
    await waitFor(async () => (await fetch(`${one.url}/api/ready`)).status === 200, {
      message: '/api/ready to recover without a restart',
    });
    await burst.stop();
    const last = burst.typed.at(-1)!;
    await waitFor(
      async () => cellOf(await storedDocument(db.url, p.documentName), 'L1', 'C2').endsWith(last),
      {
        message: 'everything typed to be stored once the database is back',
        timeoutMs: 30_000,
        intervalMs: 200,
      },
    );
    const stored = cellOf(await storedDocument(db.url, p.documentName), 'L1', 'C2');
    expect(missingTokens(burst.typed, stored)).toEqual([]);
    await waitFor(() => a.storedClock >= Y.getState(a.doc.store, a.doc.clientID), {
      message: 'the client to be told everything is saved',
    });
  });
});

describe('an instance killed with SIGKILL mid-burst', () => {
  let cluster: Cluster;
  let team: Team;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster('kill');
    team = await createTeam(cluster.two.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('its clients reconnect to the other instance and nothing that was broadcast is lost', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, 'Kill one'));
    const p = await startProposal(team.alice, slug, 'Kill one');
    const writer = connectClient(cluster.one.wsUrl, p.documentName, { cookie: team.alice.cookie });
    const watcher = connectClient(cluster.two.wsUrl, p.documentName, { cookie: team.bob.cookie });
    clients.push(writer, watcher);
    await Promise.all([waitSynced(writer), waitSynced(watcher)]);
    const burst = new Burst(writer, 'k', { level: 'L1', competency: 'C1' });
    await waitFor(() => fragmentText(watcher.doc, 'cell:L1:C1').includes('k30;'), {
      message: 'edits to flow',
    });
    await cluster.one.kill9();
    // What the other instance broadcast had been stored by the killed one.
    const broadcast = fragmentText(watcher.doc, 'cell:L1:C1')
      .split(';')
      .filter(Boolean)
      .map((t) => `${t};`);
    // The load balancer sends the writer to the surviving instance; its unsent edits go with it.
    writer.reconnectTo(cluster.two.wsUrl);
    await waitFor(() => burst.typed.length > broadcast.length + 50, { message: 'typing after the kill' });
    await burst.stop();
    const last = burst.typed.at(-1)!;
    await waitFor(() => fragmentText(watcher.doc, 'cell:L1:C1').endsWith(last), {
      message: 'the watcher to get everything the writer typed',
      timeoutMs: 30_000,
    });
    const stored = cellOf(await storedDocument(cluster.db.url, p.documentName), 'L1', 'C1');
    expect(broadcast.length).toBeGreaterThan(30);
    expect(missingTokens(broadcast, stored)).toEqual([]);
    expect(missingTokens(burst.typed, stored)).toEqual([]);
  });
});

describe('an instance whose Redis is unreachable', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let team: Team;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // Nothing listens on port 1: every connection attempt is refused, for the whole test.
    server = await startServer({
      databaseUrl: db.url,
      env: {
        REDIS_URL: 'redis://127.0.0.1:1',
        RUNGS_REDIS_PREFIX: `rungs-down-${randomBytes(4).toString('hex')}`,
      },
    });
    team = await createTeam(server.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it('starts, keeps serving its own editors and storing their edits, and is not ready', async () => {
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { redis: string } }).checks.redis).toBe('failed');

    const { slug } = await createPublishedLadder(team, testLadder(2, 2, 'Redis down'));
    const p = await startProposal(team.alice, slug, 'Redis down');
    const a = connectClient(server.wsUrl, p.documentName, { cookie: team.alice.cookie });
    const b = connectClient(server.wsUrl, p.documentName, { cookie: team.bob.cookie });
    clients.push(a, b);
    await Promise.all([waitSynced(a), waitSynced(b)]);
    typeIntoCell(a.doc, 'L1', 'C1', 'Stored without Redis.');
    await waitFor(() => fragmentText(b.doc, 'cell:L1:C1') === 'Stored without Redis.', {
      message: 'the other editor on the same instance to see it',
    });
    await waitFor(() => a.storedClock >= Y.getState(a.doc.store, a.doc.clientID), {
      message: 'the edit to be acknowledged',
    });
    expect(cellOf(await storedDocument(db.url, p.documentName), 'L1', 'C1')).toBe('Stored without Redis.');
  });
});
