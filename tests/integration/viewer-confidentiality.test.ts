/**
 * Issue 8, acceptance 1: nothing that exists only in unpublished work reaches a viewer. Unique
 * markers are planted in the content, titles, descriptions, comments and verdicts of draft, open,
 * closed and merged proposals and in a rename of a published ladder; then viewers call every GET
 * route with every value its parameters can take and open every live document over the websocket,
 * and no response body, websocket frame or close reason may contain a marker. The same calls made
 * by an admin must find every marker, so the scan is known to look where the markers are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { EXPORT_FORMATS, docFromParagraphs, setCell } from '@rungs/shared';
import { buildTestApp } from '../helpers/app.ts';
import { api, createUser, login, setupAdmin, type Session } from '../helpers/auth.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { cellText, createLadder, testLadder } from '../helpers/ladders.ts';
import {
  approve,
  call,
  editLive,
  merge,
  openProposal,
  startProposal,
  type ProposalView,
} from '../helpers/proposals.ts';
import { waitFor } from '../helpers/wait.ts';

/** Text that exists only in unpublished work. Each is unique, so a hit says where it came from. */
const MARKERS = {
  neverPublishedCell: 'zqxNeverPublishedCell',
  neverPublishedTitle: 'zqxNeverPublishedProposalTitle',
  neverPublishedDescription: 'zqxNeverPublishedProposalDescription',
  neverPublishedComment: 'zqxNeverPublishedComment',
  renamedTitle: 'zqxRenamedLadderTitle',
  renamedTrack: 'zqxRenamedLadderTrack',
  draftTitle: 'zqxDraftProposalTitle',
  draftDescription: 'zqxDraftProposalDescription',
  draftCell: 'zqxDraftProposalCell',
  openTitle: 'zqxOpenProposalTitle',
  openDescription: 'zqxOpenProposalDescription',
  openCell: 'zqxOpenProposalCell',
  openComment: 'zqxOpenProposalComment',
  openCellComment: 'zqxOpenProposalCellComment',
  openReply: 'zqxOpenProposalReply',
  openVerdict: 'zqxOpenProposalVerdict',
  closedTitle: 'zqxClosedProposalTitle',
  closedDescription: 'zqxClosedProposalDescription',
  closedCell: 'zqxClosedProposalCell',
  closedComment: 'zqxClosedProposalComment',
  mergedComment: 'zqxMergedProposalReviewComment',
} as const;
const MARKER_TEXTS = Object.values(MARKERS);

const PUBLISHED_V2_CELL = 'Published in version two.';

function markersIn(text: string): string[] {
  return MARKER_TEXTS.filter((m) => text.includes(m));
}

describe.each(DATABASE_KINDS)('viewers see no unpublished work on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  let wsBase: string;
  let admin: Session;
  /** A viewer from the start. */
  let viewer: Session;
  /** Wrote the open proposal as an editor (so it has notifications about it), then became a viewer. */
  let demoted: Session;
  let neverPublished: { slug: string };
  let published: { slug: string };
  const proposalNumbers = new Map<string, number[]>();
  let invitationToken: string;

  const edit = (session: Session, slug: string, proposal: ProposalView, cell: string) =>
    editLive(
      wsBase,
      session,
      slug,
      proposal,
      (doc) => setCell(doc, 'L1', 'C1', docFromParagraphs(cell)),
      (content) => cellText(content, 'L1', 'C1') === cell,
    );

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    app = await buildTestApp(db.url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    baseUrl = `http://127.0.0.1:${port}`;
    wsBase = `ws://127.0.0.1:${port}/collab`;

    admin = await setupAdmin(baseUrl);
    const editor = await createUser(admin, 'editor', 'Eddie Editor');
    const reviewer = await createUser(admin, 'reviewer', 'Rita Reviewer');
    viewer = await createUser(admin, 'viewer', 'Vera Viewer');
    const soonViewer = await createUser(admin, 'editor', 'Dana Demoted');

    // A ladder never published: its first draft holds a marker in a cell, its proposal's title
    // and description, and a comment.
    const npContent = testLadder(2, 2, 'Unreleased Ladder');
    npContent.cells['L1:C1'] = docFromParagraphs(MARKERS.neverPublishedCell);
    neverPublished = await createLadder(editor, npContent);
    await call(editor, 'PATCH', `/api/ladders/${neverPublished.slug}/proposals/1`, {
      title: MARKERS.neverPublishedTitle,
      description: MARKERS.neverPublishedDescription,
    });
    await call(reviewer, 'POST', `/api/ladders/${neverPublished.slug}/proposals/1/comments`, {
      body: MARKERS.neverPublishedComment,
    });
    proposalNumbers.set(neverPublished.slug, [1]);

    // A ladder published twice; the review discussion of its merged proposal stays unpublished.
    published = await createLadder(editor, testLadder(2, 2, 'Released Ladder'));
    const slug = published.slug;
    await openProposal(editor, slug, 1);
    await approve(reviewer, slug, 1);
    await merge(editor, slug, 1);
    const second = await startProposal(editor, slug, 'Second version', { open: true });
    await edit(editor, slug, second, PUBLISHED_V2_CELL);
    await call(reviewer, 'POST', `/api/ladders/${slug}/proposals/${second.number}/comments`, {
      body: MARKERS.mergedComment,
    });
    await approve(reviewer, slug, second.number);
    await merge(editor, slug, second.number);

    // A closed proposal, an open one by the soon-demoted editor (reviewed and commented on), and
    // a draft: titles, descriptions, cells, comments and a verdict all carry markers.
    const closed = await startProposal(editor, slug, MARKERS.closedTitle, {
      description: MARKERS.closedDescription,
      open: true,
    });
    await edit(editor, slug, closed, MARKERS.closedCell);
    await call(reviewer, 'POST', `/api/ladders/${slug}/proposals/${closed.number}/comments`, {
      body: MARKERS.closedComment,
    });
    await call(editor, 'POST', `/api/ladders/${slug}/proposals/${closed.number}/close`);

    const open = await startProposal(soonViewer, slug, MARKERS.openTitle, {
      description: MARKERS.openDescription,
      open: true,
    });
    await edit(soonViewer, slug, open, MARKERS.openCell);
    const thread = await call<{ comment: { id: number } }>(
      reviewer,
      'POST',
      `/api/ladders/${slug}/proposals/${open.number}/comments`,
      { body: MARKERS.openComment },
    );
    await call(editor, 'POST', `/api/ladders/${slug}/proposals/${open.number}/comments`, {
      body: MARKERS.openReply,
      parentId: thread.comment.id,
    });
    await call(reviewer, 'POST', `/api/ladders/${slug}/proposals/${open.number}/comments`, {
      body: MARKERS.openCellComment,
      cellKey: 'L1:C1',
    });
    await call(reviewer, 'POST', `/api/ladders/${slug}/proposals/${open.number}/verdicts`, {
      verdict: 'request_changes',
      body: MARKERS.openVerdict,
    });

    const draft = await startProposal(editor, slug, MARKERS.draftTitle, {
      description: MARKERS.draftDescription,
    });
    await edit(editor, slug, draft, MARKERS.draftCell);
    // Renaming the published ladder writes the ladders row and the newest draft at once.
    await call(editor, 'PATCH', `/api/ladders/${slug}`, {
      title: MARKERS.renamedTitle,
      track: MARKERS.renamedTrack,
    });
    proposalNumbers.set(slug, [1, second.number, closed.number, open.number, draft.number]);

    // As an editor, the author is told about the review of their proposal…
    const before = await call<{ notifications: unknown[] }>(soonViewer, 'GET', '/api/notifications');
    expect(markersIn(JSON.stringify(before))).toContain(MARKERS.openComment);
    // …then becomes a viewer, and signs in again.
    await call(admin, 'PATCH', `/api/users/${soonViewer.user.id}`, { role: 'viewer' });
    demoted = await login(baseUrl, soonViewer.user.email);
    expect(demoted.user.role).toBe('viewer');

    const invited = await call<{ invitationPath: string }>(admin, 'POST', '/api/users', {
      email: 'invitee@example.com',
      name: 'Invitee',
      role: 'viewer',
    });
    invitationToken = invited.invitationPath.split('/').pop()!;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function documentNames(): Promise<string[]> {
    return (await app.db.selectFrom('documents').select('name').execute()).map((d) => d.name);
  }

  /**
   * Every URL of every GET route: each parameter takes every value that exists (both ladders, each
   * of their proposals, every document, every version, 'latest'), with the query variants a route
   * knows. A parameter this test does not know fails it, so a new route can't slip past.
   */
  async function everyGetUrl(): Promise<Map<string, string[]>> {
    const documents = await documentNames();
    const versions = ['1', '2', 'latest'];
    const slugs = [neverPublished.slug, published.slug];
    const queries: Record<string, string[]> = {
      '/api/ladders': ['', '?archived=true'],
      '/api/ladders/:slug/proposals': [
        '',
        ...['active', 'draft', 'review', 'merged', 'closed', 'all'].map((s) => `?state=${s}`),
      ],
      '/api/ladders/:slug/proposals/:number/comments': ['', '?cellKey=L1:C1'],
      '/api/ladders/:slug/versions/:version/export': EXPORT_FORMATS.flatMap((f) => [
        `?format=${f}`,
        `?format=${f}&onePerPage=true`,
      ]),
      '/api/ladders/:slug/versions/:version/compare': [
        '?lower=L1&higher=L2',
        '?lower=L1&higher=L2&granularity=sentence',
      ],
    };
    const urls = new Map<string, string[]>();
    const routes = app.apiRoutes.filter((r) => r.method === 'GET').map((r) => r.url);
    for (const pattern of routes) {
      let partial: { path: string; slug?: string }[] = [{ path: '' }];
      for (const segment of pattern.split('/').slice(1)) {
        const next: { path: string; slug?: string }[] = [];
        for (const p of partial) {
          const values = (() => {
            switch (segment) {
              case ':slug':
                return slugs;
              case ':number':
                return proposalNumbers.get(p.slug!)!.map(String);
              case ':name':
                return documents;
              case ':version':
              case ':from':
              case ':to':
                return versions;
              case ':token':
                return [invitationToken];
              default:
                if (segment.startsWith(':')) throw new Error(`No values for ${segment} of ${pattern}`);
                return [segment];
            }
          })();
          for (const value of values)
            next.push({ path: `${p.path}/${value}`, slug: segment === ':slug' ? value : p.slug });
        }
        partial = next;
      }
      urls.set(
        pattern,
        partial.flatMap((p) => (queries[pattern] ?? ['']).map((q) => `${p.path}${q}`)),
      );
    }
    return urls;
  }

  /** The first chunk of a streamed answer, then the stream is let go. */
  async function opening(res: Response): Promise<string> {
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    return new TextDecoder().decode(value);
  }

  /** Every GET as `session`: the bodies (with their URL) and the statuses. */
  async function getEverything(session: Session) {
    const responses: { url: string; status: number; body: string }[] = [];
    for (const [, urls] of await everyGetUrl()) {
      for (const url of urls) {
        const res = await api(session, 'GET', url);
        // A server-sent event stream never ends: what it sends on opening is what it carries.
        const streaming = res.headers.get('content-type')?.startsWith('text/event-stream');
        responses.push({ url, status: res.status, body: streaming ? await opening(res) : await res.text() });
      }
    }
    return responses;
  }

  /**
   * Opens a document's websocket the way a client does (sync step 1 and an awareness query at
   * once) and collects every frame and the close reason, until the server closes it or, for a
   * connection it admits, until it has sent the document (sync step 2).
   */
  async function everyFrame(session: Session, documentName: string) {
    const ws = new WebSocket(`${wsBase}/${documentName}`, { headers: { cookie: session.cookie } });
    const frames: Buffer[] = [];
    let closeCode: number | null = null;
    let closeReason = '';
    ws.on('message', (m: Buffer) => frames.push(m));
    ws.on('close', (code, reason) => {
      closeCode = code;
      closeReason = reason.toString();
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    encoding.writeVarUint(step1, 0);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(new Y.Doc()));
    ws.send(encoding.toUint8Array(step1));
    ws.send(Uint8Array.of(3)); // query awareness
    await waitFor(() => closeCode !== null || frames.some((f) => f[0] === 0 && f[1] === 1), {
      message: `the server to answer on ${documentName}`,
    });
    if (closeCode === null) {
      ws.close();
      await waitFor(() => closeCode !== null, { message: 'the socket to close' });
    }
    return { frames, closeCode: closeCode as number | null, closeReason, admitted: frames.length > 0 };
  }

  it('the admin, who may see everything, finds every marker through the same calls', async () => {
    const found = new Set<string>();
    for (const r of await getEverything(admin)) for (const m of markersIn(r.body)) found.add(m);
    for (const name of await documentNames()) {
      const { frames } = await everyFrame(admin, name);
      for (const frame of frames) for (const m of markersIn(frame.toString('latin1'))) found.add(m);
    }
    expect([...found].sort()).toEqual([...MARKER_TEXTS].sort());
  });

  for (const who of ['viewer', 'demoted'] as const) {
    it(`a ${who === 'viewer' ? 'viewer' : 'former editor, now a viewer,'} gets no unpublished text from any GET route`, async () => {
      const session = who === 'viewer' ? viewer : demoted;
      const responses = await getEverything(session);
      const leaks = responses.flatMap((r) => markersIn(r.body).map((m) => `${r.url} (${r.status}): ${m}`));
      expect(leaks).toEqual([]);

      // The scan read real answers: the published ladder, its versions and exports.
      const ok = (url: string) => responses.find((r) => r.url === url)?.status;
      expect(ok(`/api/ladders/${published.slug}`)).toBe(200);
      expect(ok(`/api/ladders/${published.slug}/versions/2`)).toBe(200);
      expect(ok(`/api/ladders/${published.slug}/versions/latest/export?format=md`)).toBe(200);
      expect(responses.find((r) => r.url === `/api/ladders/${published.slug}/versions/2`)!.body).toContain(
        PUBLISHED_V2_CELL,
      );
      expect(ok('/api/notifications')).toBe(200);
      // Live documents and proposals are refused outright.
      for (const name of await documentNames()) expect(ok(`/api/documents/${name}/content`)).toBe(403);
      expect(ok(`/api/ladders/${published.slug}/proposals`)).toBe(403);
    });

    it(`a ${who === 'viewer' ? 'viewer' : 'former editor, now a viewer,'} is refused every live document before a byte of it`, async () => {
      const session = who === 'viewer' ? viewer : demoted;
      for (const name of await documentNames()) {
        const { frames, closeCode, closeReason } = await everyFrame(session, name);
        expect(closeCode, name).toBe(4403);
        expect(frames).toEqual([]);
        expect(markersIn(closeReason)).toEqual([]);
      }
    });
  }

  it('shows a viewer the published title and track of a ladder renamed in a draft, and no live document', async () => {
    const { ladder } = await call<{ ladder: { title: string; track: string; draftDocument: string | null } }>(
      viewer,
      'GET',
      `/api/ladders/${published.slug}`,
    );
    expect(ladder).toMatchObject({ title: 'Released Ladder', track: 'Testing', draftDocument: null });
    const editorView = await call<{ ladder: { title: string; draftDocument: string | null } }>(
      admin,
      'GET',
      `/api/ladders/${published.slug}`,
    );
    expect(editorView.ladder.title).toBe(MARKERS.renamedTitle);
    expect(editorView.ladder.draftDocument).not.toBeNull();

    // A ladder never published: a viewer sees that it exists, with no live document.
    const { ladders } = await call<{ ladders: { slug: string; draftDocument: string | null }[] }>(
      viewer,
      'GET',
      '/api/ladders',
    );
    expect(ladders.map((l) => l.slug).sort()).toEqual([neverPublished.slug, published.slug].sort());
    expect(ladders.every((l) => l.draftDocument === null)).toBe(true);
    const versions = await call<{ versions: unknown[] }>(
      viewer,
      'GET',
      `/api/ladders/${neverPublished.slug}/versions`,
    );
    expect(versions.versions).toEqual([]);
  });
});
