/**
 * The authorization matrix: every REST route and the collaboration websocket, for each role and an
 * anonymous caller, across the states a ladder goes through (never published; published with a
 * draft and an open proposal; with a merged and a closed proposal), from the tables below.
 * Refused writes must leave the database untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import http from 'node:http';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { buildTestApp, databaseSnapshot } from '../helpers/app.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';

type Who = 'anonymous' | 'viewer' | 'reviewer' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'reviewer', 'editor', 'admin'];
const PASSWORD = 'correct horse battery staple';

/** The live documents of every ladder state, by what they are. */
const DOCUMENTS = [
  'never published',
  'draft proposal',
  'open proposal',
  'merged proposal',
  'closed proposal',
] as const;
type DocumentState = (typeof DOCUMENTS)[number];
/** Fixed proposals of the published ladder, one per state, for the rows that only read. */
type FixedProposal = 'draft' | 'open' | 'merged' | 'closed';

interface Ctx {
  /** A ladder never published: proposal #1 in draft. */
  ladderSlug: string;
  documentName: string;
  documents: Record<DocumentState, string>;
  fixed: Record<FixedProposal, number>;
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
  /** Which ladder state the row exercises, when a route has a row per state. */
  state?: string;
  request: (ctx: Ctx, who: Who) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  expect: Record<Who, number>;
  /** Use a throwaway session for this row (logging out ends the session it runs on). */
  freshSession?: boolean;
  /** A never-ending answer (server-sent events): asked over the socket; only the status is read. */
  stream?: boolean;
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

const FIXED: FixedProposal[] = ['draft', 'open', 'merged', 'closed'];
/** A confirmation of "update from published" with nothing to resolve (the fixtures are up to date). */
const NOTHING_RESOLVED = { publishedVersion: 0, fingerprint: '', resolutions: {} };

const MATRIX: Row[] = [
  { route: 'GET /api/health', request: () => ({ url: '/api/health' }), expect: all(200) },
  { route: 'GET /api/ready', request: () => ({ url: '/api/ready' }), expect: all(200) },
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
  {
    route: 'POST /api/exports',
    request: () => ({ url: '/api/exports', body: { content: testLadder(1, 1), format: 'xlsx' } }),
    expect: signedIn(200),
  },
  { route: 'GET /api/audit', request: () => ({ url: '/api/audit' }), expect: admins(200) },
  {
    route: 'GET /api/notifications/stream',
    request: () => ({ url: '/api/notifications/stream' }),
    expect: signedIn(200),
    stream: true,
  },
  { route: 'GET /api/ladders', request: () => ({ url: '/api/ladders' }), expect: signedIn(200) },
  {
    route: 'POST /api/ladders',
    request: (c) => ({ url: '/api/ladders', body: { title: `Ladder ${c.unique()}` } }),
    expect: editors(201),
  },
  {
    route: 'POST /api/ladders',
    state: 'from a template',
    request: (c) => ({
      url: '/api/ladders',
      body: { title: `Ladder ${c.unique()}`, template: 'engineering-manager' },
    }),
    expect: editors(201),
  },
  {
    route: 'POST /api/ladders',
    state: 'copy of a published ladder',
    request: (c) => ({
      url: '/api/ladders',
      body: { title: `Ladder ${c.unique()}`, fromLadder: { slug: c.publishedSlug } },
    }),
    expect: editors(201),
  },
  {
    route: 'GET /api/ladder-templates',
    request: () => ({ url: '/api/ladder-templates' }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug',
    state: 'never published',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug',
    state: 'published',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}` }),
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
  // Live documents are unpublished work: viewers read published versions only (issue 8).
  ...DOCUMENTS.map((state): Row => ({
    route: 'GET /api/documents/:name/content',
    state,
    request: (c) => ({ url: `/api/documents/${c.documents[state]}/content` }),
    expect: readers(200),
  })),
  {
    route: 'GET /api/documents/:name/content',
    state: 'no such document',
    request: () => ({ url: '/api/documents/no-such-document/content' }),
    expect: { anonymous: 401, viewer: 404, reviewer: 404, editor: 404, admin: 404 },
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
  ...FIXED.map((state): Row => ({
    route: 'GET /api/ladders/:slug/proposals/:number',
    state: `${state} proposal`,
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}` }),
    expect: readers(200),
  })),
  ...FIXED.map((state): Row => ({
    route: 'GET /api/ladders/:slug/proposals/:number/content',
    state: `${state} proposal`,
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/content` }),
    expect: readers(200),
  })),
  {
    route: 'GET /api/ladders/:slug/proposals/:number/content',
    state: 'never published',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/proposals/1/content` }),
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
  // Merged and closed proposals are read-only for all: allowed roles meet 409, nothing changes.
  ...(['merged', 'closed'] as const).map((state): Row => ({
    route: 'PATCH /api/ladders/:slug/proposals/:number',
    state: `${state} proposal`,
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}`,
      body: { description: `Edited ${c.unique()}` },
    }),
    expect: editors(409),
  })),
  ...(['merged', 'closed'] as const).map((state): Row => ({
    route: 'GET /api/ladders/:slug/proposals/:number/update-from-published',
    state: `${state} proposal`,
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/update-from-published`,
    }),
    expect: editors(409),
  })),
  {
    route: 'GET /api/ladders/:slug/proposals/:number/update-from-published',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/update-from-published`,
    }),
    expect: editors(200),
  },
  ...(['merged', 'closed'] as const).map((state): Row => ({
    route: 'POST /api/ladders/:slug/proposals/:number/update-from-published',
    state: `${state} proposal`,
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/update-from-published`,
      body: NOTHING_RESOLVED,
    }),
    expect: editors(409),
  })),
  {
    route: 'POST /api/ladders/:slug/proposals/:number/merge',
    state: 'merged proposal',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed.merged}/merge` }),
    expect: editors(409),
  },
  {
    route: 'POST /api/ladders/:slug/proposals/:number/close',
    state: 'merged proposal',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed.merged}/close` }),
    expect: editors(409),
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
      body: NOTHING_RESOLVED,
    }),
    expect: editors(200),
  },
  ...FIXED.map((state): Row => ({
    route: 'GET /api/ladders/:slug/proposals/:number/verdicts',
    state: `${state} proposal`,
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/verdicts` }),
    expect: readers(200),
  })),
  {
    route: 'POST /api/ladders/:slug/proposals/:number/verdicts',
    request: async (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${await c.proposal('open')}/verdicts`,
      body: { verdict: 'approve' },
    }),
    expect: readers(201),
  },
  ...(['draft', 'merged', 'closed'] as const).map((state): Row => ({
    route: 'POST /api/ladders/:slug/proposals/:number/verdicts',
    state: `${state} proposal`,
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/verdicts`,
      body: { verdict: 'approve' },
    }),
    expect: readers(409),
  })),
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
    route: 'GET /api/ladders/:slug/versions',
    state: 'never published',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/versions` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version',
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/versions/1` }),
    expect: signedIn(200),
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version',
    state: 'never published',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/versions/latest` }),
    expect: { anonymous: 401, viewer: 404, reviewer: 404, editor: 404, admin: 404 },
  },
  {
    route: 'GET /api/ladders/:slug/versions/:version/export',
    state: 'never published',
    request: (c) => ({ url: `/api/ladders/${c.ladderSlug}/versions/latest/export?format=md` }),
    expect: { anonymous: 401, viewer: 404, reviewer: 404, editor: 404, admin: 404 },
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
  ...FIXED.map((state): Row => ({
    route: 'GET /api/ladders/:slug/proposals/:number/comments',
    state: `${state} proposal`,
    request: (c) => ({ url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed[state]}/comments` }),
    expect: readers(200),
  })),
  {
    route: 'POST /api/ladders/:slug/proposals/:number/comments',
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.openProposal}/comments`,
      body: { body: 'Looks right to me.', cellKey: 'L1:C1' },
    }),
    expect: readers(201),
  },
  // The discussion of a closed proposal stays open to reviewers, editors and admins.
  {
    route: 'POST /api/ladders/:slug/proposals/:number/comments',
    state: 'closed proposal',
    request: (c) => ({
      url: `/api/ladders/${c.publishedSlug}/proposals/${c.fixed.closed}/comments`,
      body: { body: 'Why was this closed?' },
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

type WsExpectation = { close: number } | { open: true; writes: boolean };
const refusedWs = (code: number): WsExpectation => ({ close: code });
const readOnlyWs: WsExpectation = { open: true, writes: false };
const writableWs: WsExpectation = { open: true, writes: true };

/**
 * The websocket rows: close code on refusal, or whether the caller's edits are applied. Viewers
 * are refused every live document (they are all unpublished work); reviewers follow read-only;
 * editors and admins write until a proposal is merged or closed.
 */
const WEBSOCKET: Record<DocumentState, Record<Who, WsExpectation>> = {
  'never published': {
    anonymous: refusedWs(4401),
    viewer: refusedWs(4403),
    reviewer: readOnlyWs,
    editor: writableWs,
    admin: writableWs,
  },
  'draft proposal': {
    anonymous: refusedWs(4401),
    viewer: refusedWs(4403),
    reviewer: readOnlyWs,
    editor: writableWs,
    admin: writableWs,
  },
  'open proposal': {
    anonymous: refusedWs(4401),
    viewer: refusedWs(4403),
    reviewer: readOnlyWs,
    editor: writableWs,
    admin: writableWs,
  },
  'merged proposal': {
    anonymous: refusedWs(4401),
    viewer: refusedWs(4403),
    reviewer: readOnlyWs,
    editor: readOnlyWs,
    admin: readOnlyWs,
  },
  'closed proposal': {
    anonymous: refusedWs(4401),
    viewer: refusedWs(4403),
    reviewer: readOnlyWs,
    editor: readOnlyWs,
    admin: readOnlyWs,
  },
};

describe.each(DATABASE_KINDS)(
  'authorization matrix on %s (every REST route and the websocket, per role and ladder state)',
  (kind) => {
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

    /** The status of a streaming GET (and its body when refused), over a real socket. */
    const streamStatus = (url: string, who: Who) =>
      new Promise<{ statusCode: number; body: string; json: () => unknown }>((resolve, reject) => {
        const port = (app.server.address() as { port: number }).port;
        const req = http.get(
          `http://127.0.0.1:${port}${url}`,
          { headers: cookies[who] ? { cookie: cookies[who]! } : {} },
          (res) => {
            const statusCode = res.statusCode ?? 0;
            if (statusCode === 200) {
              req.destroy();
              resolve({ statusCode, body: '', json: () => ({}) });
              return;
            }
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (body += chunk));
            res.on('end', () => resolve({ statusCode, body, json: () => JSON.parse(body) }));
          },
        );
        req.on('error', reject);
      });

    const loginAs = async (email: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email, password: PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'rungs_session')!;
      return {
        cookie: `rungs_session=${cookie.value}`,
        csrf: (res.json() as { csrfToken: string }).csrfToken,
      };
    };

    beforeAll(async () => {
      db = await createTestDatabase(kind);
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
          expect((await asAuthor('POST', `/api/ladders/${slug}/proposals/${n}/open`, {})).statusCode).toBe(
            200,
          );
        if (state === 'closed')
          expect((await asAuthor('POST', `/api/ladders/${slug}/proposals/${n}/close`, {})).statusCode).toBe(
            200,
          );
        return n;
      };
      ctx.openProposal = await ctx.proposal('open');
      ctx.fixed = {
        draft: await ctx.proposal('draft'),
        open: ctx.openProposal,
        merged: 1,
        closed: await ctx.proposal('closed'),
      };
      const documentOf = async (number: number) =>
        (
          await app.db
            .selectFrom('proposals')
            .innerJoin('ladders', 'ladders.id', 'proposals.ladder_id')
            .select('proposals.document_name')
            .where('ladders.slug', '=', slug)
            .where('proposals.number', '=', number)
            .executeTakeFirstOrThrow()
        ).document_name;
      ctx.documents = {
        'never published': ctx.documentName,
        'draft proposal': await documentOf(ctx.fixed.draft),
        'open proposal': await documentOf(ctx.fixed.open),
        'merged proposal': await documentOf(ctx.fixed.merged),
        'closed proposal': await documentOf(ctx.fixed.closed),
      };
      ctx.comment = async (who) => {
        const writer = who === 'reviewer' || who === 'editor' || who === 'admin' ? who : 'admin';
        const res = await call(
          'POST',
          `/api/ladders/${slug}/proposals/${ctx.openProposal}/comments`,
          writer,
          {
            body: `Comment ${++counter}`,
          },
        );
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
      const covered = [...new Set(MATRIX.map((r) => r.route))].sort();
      expect(covered).toEqual(registered);
    });

    for (const row of MATRIX) {
      for (const who of WHO) {
        const status = row.expect[who];
        it(`${row.route}${row.state ? ` (${row.state})` : ''} as ${who} → ${status}`, async () => {
          const [method, pattern] = row.route.split(' ') as [string, string];
          const { url, body } = await row.request(ctx, who);
          expect(url.split('?')[0]!.split('/').length).toBe(pattern.split('/').length);
          let session: { cookie: string; csrf: string } | undefined;
          if (row.freshSession && who !== 'anonymous')
            session = await loginAs(`${who === 'admin' ? 'admin' : who}@example.com`);
          // Every refused write (by role or by the proposal's state) must change nothing.
          const before = status >= 400 && method !== 'GET' ? await databaseSnapshot(app) : null;
          const res = row.stream ? await streamStatus(url, who) : await call(method, url, who, body, session);
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

    for (const state of DOCUMENTS) {
      for (const who of WHO) {
        const expected = WEBSOCKET[state][who];
        it(`WS /collab/:docName (${state}) as ${who} → ${'close' in expected ? `close ${expected.close}` : expected.writes ? 'read-write' : 'read-only'}`, async () => {
          const documentName = ctx.documents[state];
          const ws = new WebSocket(`${baseUrl}/collab/${documentName}`, {
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
            expect(messages).toEqual([]); // refused before a single byte of the document
            return;
          }
          // Wait for the server's sync step 1, then send a real edit.
          await expect.poll(() => messages.length, { timeout: 10_000 }).toBeGreaterThan(0);
          const rowsBefore = await countUpdates(app, documentName);
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
          const rowsAfter = await countUpdates(app, documentName);
          expect(rowsAfter - rowsBefore).toBe(expected.writes ? 1 : 0);
          expect(ws.readyState).toBe(WebSocket.OPEN);
          ws.close();
          await closed;
        });
      }
    }
  },
);

async function countUpdates(app: FastifyInstance, documentName: string): Promise<number> {
  const rows = await app.db
    .selectFrom('doc_updates')
    .select('id')
    .where('document_name', '=', documentName)
    .execute();
  return rows.length;
}
