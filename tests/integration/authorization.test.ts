/**
 * The authorization matrix: every REST route and the collaboration websocket, for each role and an
 * anonymous caller, from the one table below. Refused writes must leave the database untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { buildTestApp, databaseSnapshot } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';

type Who = 'anonymous' | 'viewer' | 'reviewer' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'reviewer', 'editor', 'admin'];
const PASSWORD = 'correct horse battery staple';

interface Ctx {
  ladderSlug: string;
  documentName: string;
  targetUserId: string;
  invitationToken: () => Promise<string>;
  unique: () => string;
  /** A ladder with version 1 published, and an open proposal by an editor outside the matrix. */
  publishedSlug: string;
  openProposal: number;
  /** A new proposal by that editor, in the given state. */
  proposal: (state: 'draft' | 'open' | 'closed') => Promise<number>;
  /** A comment on the open proposal, written by `who` when they may comment (else by the admin). */
  comment: (who: Who) => Promise<number>;
}

interface Row {
  route: string; // "METHOD /api/path" exactly as registered
  request: (ctx: Ctx, who: Who) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  expect: Record<Who, number>;
  /** Use a throwaway session for this row (logging out ends the session it runs on). */
  freshSession?: boolean;
}

const all = (status: number): Record<Who, number> => ({
  anonymous: status,
  viewer: status,
  reviewer: status,
  editor: status,
  admin: status,
});
const signedIn = (status: number): Record<Who, number> => ({
  anonymous: 401,
  viewer: status,
  reviewer: status,
  editor: status,
  admin: status,
});
const editors = (status: number): Record<Who, number> => ({
  anonymous: 401,
  viewer: 403,
  reviewer: 403,
  editor: status,
  admin: status,
});
const readers = (status: number): Record<Who, number> => ({
  anonymous: 401,
  viewer: 403,
  reviewer: status,
  editor: status,
  admin: status,
});
const admins = (status: number): Record<Who, number> => ({
  anonymous: 401,
  viewer: 403,
  reviewer: 403,
  editor: 403,
  admin: status,
});

const MATRIX: Row[] = [
  { route: 'GET /api/health', request: () => ({ url: '/api/health' }), expect: all(200) },
  { route: 'GET /api/session', request: () => ({ url: '/api/session' }), expect: all(200) },
  {
    route: 'POST /api/session',
    request: () => ({ url: '/api/session', body: { email: 'matrix-login@example.com', password: PASSWORD } }),
    expect: all(200),
  },
  {
    route: 'DELETE /api/session',
    request: () => ({ url: '/api/session' }),
    expect: signedIn(204),
    freshSession: true,
  },
  { route: 'GET /api/setup', request: () => ({ url: '/api/setup' }), expect: all(200) },
  {
    route: 'POST /api/setup',
    request: (c) => ({
      url: '/api/setup',
      body: { email: `${c.unique()}@example.com`, name: 'Second', password: PASSWORD },
    }),
    expect: all(409),
  },
  { route: 'GET /api/users', request: () => ({ url: '/api/users' }), expect: admins(200) },
  {
    route: 'POST /api/users',
    request: (c) => ({
      url: '/api/users',
      body: { email: `${c.unique()}@example.com`, name: 'New', role: 'viewer' },
    }),
    expect: admins(201),
  },
  {
    route: 'PATCH /api/users/:id',
    request: (c) => ({ url: `/api/users/${c.targetUserId}`, body: { name: `Renamed ${c.unique()}` } }),
    expect: admins(200),
  },
  {
    route: 'GET /api/invitations/:token',
    request: async (c) => ({ url: `/api/invitations/${await c.invitationToken()}` }),
    expect: all(200),
  },
  {
    route: 'POST /api/invitations/:token/accept',
    request: async (c) => ({
      url: `/api/invitations/${await c.invitationToken()}/accept`,
      body: { password: PASSWORD },
    }),
    expect: all(200),
  },
  {
    route: 'POST /api/imports/preview',
    request: () => ({
      url: '/api/imports/preview',
      body: { text: '# Ladder\n\n## L1\n\n### Craft\n\n- Writes code.\n', format: 'markdown' },
    }),
    expect: editors(200),
  },
  { route: 'GET /api/audit', request: () => ({ url: '/api/audit' }), expect: admins(200) },
  { route: 'GET /api/ladders', request: () => ({ url: '/api/ladders' }), expect: signedIn(200) },
  {
    route: 'POST /api/ladders',
    request: (c) => ({ url: '/api/ladders', body: { title: `Ladder ${c.unique()}` } }),
    expect: editors(201),
  },
  {
    route: 'GET /api/ladders/:slug',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}` }),
    expect: signedIn(200),
  },
  {
    route: 'PATCH /api/ladders/:slug',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}`, body: { track: `Track ${c.unique()}` } }),
    expect: editors(200),
  },
  {
    route: 'POST /api/ladders/:slug/archive',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/archive` }),
    expect: editors(200),
  },
  {
    route: 'POST /api/ladders/:slug/unarchive',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/unarchive` }),
    expect: editors(200),
  },
  {
    route: 'GET /api/documents/:name/content',
    request: (c) => ({ url: `/api/documents/${c.documentName}/content` }),
    expect: signedIn(200),
  },
  { route: 'GET /api/openapi.json', request: () => ({ url: '/api/openapi.json' }), expect: all(200) },
  {
    route: 'GET /api/proposals/overview',
    request: () => ({ url: '/api/proposals/overview' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/proposals',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals` }),
    expect: readers(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals',
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals`,
      body: { title: `P ${c.unique()}` },
    }),
    expect: editors(201),
  },
  {
    route: 'GET /api/ladders/:slug/proposals/:number',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}` }),
    expect: readers(200),
  },
  {
    route: 'GET /api/ladders/:slug/proposals/:number/content',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/content` }),
    expect: readers(200),
  },
  {
    route: 'PATCH /api/ladders/:slug/proposals/:number',
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}`,
      body: { description: `Edited ${c.unique()}` },
    }),
    expect: editors(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/open',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('draft')}/open`,
    }),
    expect: editors(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/close',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/close`,
    }),
    expect: editors(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/reopen',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('closed')}/reopen`,
    }),
    expect: editors(200),
  },
  // Allowed roles get past the access check and meet the merge rules: a proposal with no changes.
  {
    route: 'POST /api/ladders/:slug/proposals/:number/merge',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/merge`,
    }),
    expect: editors(409),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/update-from-published',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/update-from-published`,
    }),
    expect: editors(200),
  },
  {
    route: 'GET /api/ladders/:slug/proposals/:number/verdicts',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/verdicts` }),
    expect: readers(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/verdicts',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/verdicts`,
      body: { verdict: 'approve' },
    }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/ladders/:slug/settings',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/settings`, body: { requiredApprovals: 1 } }),
    expect: admins(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version/export',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1/export?format=md` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:from/diff/:to',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1/diff/latest` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version/compare',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1/compare?lower=L1&higher=L2` }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/ladders/:slug/versions/:version/restore',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1/restore`, body: {} }),
    expect: editors(201),
  },
  {
    route: 'GET /api/ladders/:slug/proposals/:number/comments',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments` }),
    expect: readers(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/comments',
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments`,
      body: { body: 'Looks right to me.', cellKey: 'L1:C1' },
    }),
    expect: readers(201),
  },
  {
    route: 'PATCH /api/ladders/:slug/proposals/:number/comments/:id',
    request: async (c, who) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments/${await c.comment(who)}`,
      body: { body: 'Edited comment.' },
    }),
    expect: readers(200),
  },
  {
    route: 'DELETE /api/ladders/:slug/proposals/:number/comments/:id',
    request: async (c, who) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments/${await c.comment(who)}`,
    }),
    expect: readers(204),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/comments/:id/resolve',
    request: async (c, who) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments/${await c.comment(who)}/resolve`,
    }),
    expect: readers(200),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/comments/:id/unresolve',
    request: async (c, who) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments/${await c.comment(who)}/unresolve`,
    }),
    expect: readers(200),
  },
  { route: 'GET /api/notifications', request: () => ({ url: '/api/notifications' }), expect: signedIn(200) },
  {
    route: 'POST /api/notifications/seen',
    request: () => ({ url: '/api/notifications/seen' }),
    expect: signedIn(204),
  },
];

/** The websocket row: close code on refusal, or whether the caller's edits are applied. */
const WEBSOCKET: Record<Who, { close: number } | { open: true; writes: boolean }> = {
  anonymous: { close: 4401 },
  viewer: { open: true, writes: false },
  reviewer: { open: true, writes: false },
  editor: { open: true, writes: true },
  admin: { open: true, writes: true },
};

describe('authorization matrix (every REST route and the websocket, per role)', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  const cookies = {} as Record<Who, string | null>;
  const csrf = {} as Record<Who, string | null>;
  const ctx = {} as Ctx;
  let counter = 0;

  const call = (
    method: string,
    url: string,
    who: Who,
    body?: unknown,
    session?: { cookie: string; csrf: string },
  ) => {
    const cookie = session?.cookie ?? cookies[who];
    const token = session?.csrf ?? csrf[who];
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (token && method !== 'GET') headers['x-csrf-token'] = token;
    return app.inject({
      method: method as any,
      url,
      headers,
      ...(body !== undefined ? { payload: body as any } : {}),
    });
  };

  const loginAs = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rungs_session')!;
    return { cookie: `rungs_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db.url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `ws://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const setup = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { email: 'admin@example.com', name: 'Admin', password: PASSWORD },
    });
    expect(setup.statusCode).toBe(201);
    cookies.anonymous = null;
    csrf.anonymous = null;
    const admin = await loginAs('admin@example.com');
    cookies.admin = admin.cookie;
    csrf.admin = admin.csrf;
    for (const role of ['viewer', 'reviewer', 'editor'] as const) {
      const res = await call('POST', '/api/users', 'admin', {
        email: `${role}@example.com`,
        name: role,
        role,
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(201);
      const s = await loginAs(`${role}@example.com`);
      cookies[role] = s.cookie;
      csrf[role] = s.csrf;
    }
    await call('POST', '/api/users', 'admin', {
      email: 'matrix-login@example.com',
      name: 'Login',
      role: 'viewer',
      password: PASSWORD,
    });
    const target = await call('POST', '/api/users', 'admin', {
      email: 'target@example.com',
      name: 'Target',
      role: 'viewer',
      password: PASSWORD,
    });
    ctx.targetUserId = (target.json() as { user: { id: string } }).user.id;
    const ladder = await call('POST', '/api/ladders', 'admin', {
      title: 'Matrix ladder',
      content: testLadder(),
    });
    const summary = (ladder.json() as { ladder: { slug: string; draftDocument: string } }).ladder;
    ctx.ladderSlug = summary.slug;
    ctx.documentName = summary.draftDocument;
    ctx.unique = () => `u${++counter}`;
    ctx.invitationToken = async () => {
      const res = await call('POST', '/api/users', 'admin', {
        email: `invitee-${++counter}@example.com`,
        name: 'Invitee',
        role: 'viewer',
      });
      return (res.json() as { invitationPath: string }).invitationPath.split('/').pop()!;
    };

    // An editor outside the matrix authors proposals, so every matrix role may review them.
    await call('POST', '/api/users', 'admin', {
      email: 'author@example.com',
      name: 'Author',
      role: 'editor',
      password: PASSWORD,
    });
    const author = await loginAs('author@example.com');
    const asAuthor = (method: string, url: string, body?: unknown) =>
      call(method, url, 'admin', body, author);
    const created = await asAuthor('POST', '/api/ladders', {
      title: 'Published ladder',
      content: testLadder(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const slug = (created.json() as { ladder: { slug: string } }).ladder.slug;
    expect((await asAuthor('POST', `/api/ladders/${slug}/proposals/1/open`, {})).statusCode).toBe(200);
    const approved = await call('POST', `/api/ladders/${slug}/proposals/1/verdicts`, 'admin', {
      verdict: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(201);
    const merged = await asAuthor('POST', `/api/ladders/${slug}/proposals/1/merge`, {});
    expect(merged.statusCode, merged.body).toBe(200);
    ctx.publishedSlug = slug;
    ctx.proposal = async (state) => {
      const res = await asAuthor('POST', `/api/ladders/${slug}/proposals`, { title: `P${++counter}` });
      expect(res.statusCode, res.body).toBe(201);
      const n = (res.json() as { proposal: { number: number } }).proposal.number;
      if (state !== 'draft')
        expect((await asAuthor('POST', `/api/ladders/${slug}/proposals/${n}/open`, {})).statusCode).toBe(200);
      if (state === 'closed')
        expect((await asAuthor('POST', `/api/ladders/${slug}/proposals/${n}/close`, {})).statusCode).toBe(
          200,
        );
      return n;
    };
    ctx.openProposal = await ctx.proposal('open');
    ctx.comment = async (who) => {
      const writer = who === 'reviewer' || who === 'editor' || who === 'admin' ? who : 'admin';
      const res = await call('POST', `/api/ladders/${slug}/proposals/${ctx.openProposal}/comments`, writer, {
        body: `Comment ${++counter}`,
      });
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { comment: { id: number } }).comment.id;
    };
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('has a row for every REST route the app registers', () => {
    const registered = app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const covered = MATRIX.map((r) => r.route).sort();
    expect(covered).toEqual(registered);
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      const status = row.expect[who];
      it(`${row.route} as ${who} → ${status}`, async () => {
        const [method, pattern] = row.route.split(' ') as [string, string];
        const { url, body } = await row.request(ctx, who);
        expect(url.split('?')[0]!.split('/').length).toBe(pattern.split('/').length);
        let session: { cookie: string; csrf: string } | undefined;
        if (row.freshSession && who !== 'anonymous')
          session = await loginAs(`${who === 'admin' ? 'admin' : who}@example.com`);
        const refused = status === 401 || status === 403;
        const before = refused && method !== 'GET' ? await databaseSnapshot(app) : null;
        const res = await call(method, url, who, body, session);
        expect(res.statusCode, res.body).toBe(status);
        if (res.statusCode >= 400) {
          const err = res.json() as { error: { code: string; message: string } };
          expect(err.error.code).toBeTruthy();
          expect(err.error.message).toBeTruthy();
        }
        if (before) expect(await databaseSnapshot(app)).toEqual(before);
      });
    }
  }

  for (const who of WHO) {
    const expected = WEBSOCKET[who];
    it(`WS /collab/:docName as ${who} → ${'close' in expected ? `close ${expected.close}` : expected.writes ? 'read-write' : 'read-only'}`, async () => {
      const ws = new WebSocket(`${baseUrl}/collab/${ctx.documentName}`, {
        headers: cookies[who] ? { cookie: cookies[who]! } : {},
      });
      const messages: Buffer[] = [];
      ws.on('message', (m: Buffer) => messages.push(m));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      if ('close' in expected) {
        expect(await closed).toBe(expected.close);
        return;
      }
      // Wait for the server's sync step 1, then send a real edit.
      await expect.poll(() => messages.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const rowsBefore = await countUpdates(app, ctx.documentName);
      const doc = new Y.Doc();
      doc.getText('title').insert(0, `${who} was here `);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
      ws.send(encoding.toUint8Array(encoder));
      // The server answers a sync step 1 only after everything before it was handled and stored.
      const probe = encoding.createEncoder();
      encoding.writeVarUint(probe, 0);
      encoding.writeVarUint(probe, 0);
      encoding.writeVarUint8Array(probe, Y.encodeStateVector(new Y.Doc()));
      const answered = messages.length;
      ws.send(encoding.toUint8Array(probe));
      await expect.poll(() => messages.length, { timeout: 10_000 }).toBeGreaterThan(answered);
      const rowsAfter = await countUpdates(app, ctx.documentName);
      expect(rowsAfter - rowsBefore).toBe(expected.writes ? 1 : 0);
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
      await closed;
    });
  }
});

async function countUpdates(app: FastifyInstance, documentName: string): Promise<number> {
  const rows = await app.db
    .selectFrom('doc_updates')
    .select('id')
    .where('document_name', '=', documentName)
    .execute();
  return rows.length;
}
