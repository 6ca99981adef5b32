import type * as Y from 'yjs';
import type { LadderContent, UpdateConflict, UpdateResolution } from '@rungs/shared';
import type { ProposalDetail, ProposalView, UpdatePlanView } from '@rungs/shared/api/proposals';
import type { VersionView } from '@rungs/shared/api/versions';
import { api, createUser, setupAdmin, type Session } from './auth.ts';
import { connectClient, waitSynced, type TestClient } from './collab-client.ts';
import { cellText, createLadder } from './ladders.ts';
import { waitFor } from './wait.ts';

export type { ProposalDetail, ProposalView, UpdatePlanView, VersionView };

/** The people of a review: two editors (authors), two reviewers, a viewer, and the admin. */
export interface Team {
  admin: Session;
  alice: Session; // editor
  bob: Session; // editor
  rita: Session; // reviewer
  ravi: Session; // reviewer
  vera: Session; // viewer
}

export async function createTeam(baseUrl: string): Promise<Team> {
  const admin = await setupAdmin(baseUrl);
  return {
    admin,
    alice: await createUser(admin, 'editor', 'Alice Editor'),
    bob: await createUser(admin, 'editor', 'Bob Editor'),
    rita: await createUser(admin, 'reviewer', 'Rita Reviewer'),
    ravi: await createUser(admin, 'reviewer', 'Ravi Reviewer'),
    vera: await createUser(admin, 'viewer', 'Vera Viewer'),
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON call that must answer `expected` (any 2xx when omitted); returns the parsed body. */
export async function call<T = any>(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  expected?: number,
): Promise<T> {
  const res = await api(session, method, path, body);
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  const ok = expected === undefined ? res.ok : res.status === expected;
  if (!ok) {
    throw new ApiError(res.status, json?.error?.code ?? '', `${method} ${path} → ${res.status}: ${text}`);
  }
  return json as T;
}

/** Calls that must fail: resolves to `{ status, code, message }`. */
export async function refused(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; code: string; message: string }> {
  const res = await api(session, method, path, body);
  const json = (await res.json()) as { error: { code: string; message: string } };
  if (res.ok) throw new Error(`${method} ${path} unexpectedly succeeded: ${JSON.stringify(json)}`);
  return { status: res.status, code: json.error.code, message: json.error.message };
}

export const proposalPath = (slug: string, n: number, rest = '') =>
  `/api/ladders/${slug}/proposals/${n}${rest}`;

export async function getProposal(session: Session, slug: string, n: number): Promise<ProposalDetail> {
  return (await call<{ proposal: ProposalDetail }>(session, 'GET', proposalPath(slug, n))).proposal;
}

export async function proposalContent(session: Session, slug: string, n: number): Promise<LadderContent> {
  return (await call<{ content: LadderContent }>(session, 'GET', proposalPath(slug, n, '/content'))).content;
}

export async function versionContent(
  session: Session,
  slug: string,
  v: number | 'latest',
): Promise<LadderContent> {
  return (await call<{ content: LadderContent }>(session, 'GET', `/api/ladders/${slug}/versions/${v}`))
    .content;
}

export async function startProposal(
  session: Session,
  slug: string,
  title: string,
  extra: { description?: string; open?: boolean } = {},
): Promise<ProposalView> {
  return (
    await call<{ proposal: ProposalView }>(
      session,
      'POST',
      `/api/ladders/${slug}/proposals`,
      { title, ...extra },
      201,
    )
  ).proposal;
}

export async function openProposal(session: Session, slug: string, n: number): Promise<ProposalView> {
  return (await call<{ proposal: ProposalView }>(session, 'POST', proposalPath(slug, n, '/open'))).proposal;
}

/** Approves what the reviewer currently sees (sends the fingerprint of that state). */
export async function approve(session: Session, slug: string, n: number): Promise<ProposalView> {
  const { fingerprint } = await getProposal(session, slug, n);
  return (
    await call<{ proposal: ProposalView }>(
      session,
      'POST',
      proposalPath(slug, n, '/verdicts'),
      { verdict: 'approve', fingerprint },
      201,
    )
  ).proposal;
}

export async function merge(
  session: Session,
  slug: string,
  n: number,
): Promise<{ version: VersionView; proposal: ProposalView }> {
  return call(session, 'POST', proposalPath(slug, n, '/merge'));
}

/** A live editor of a proposal's document, over the real websocket with the user's session. */
export async function connectEditor(
  wsUrl: string,
  session: Session,
  documentName: string,
): Promise<TestClient> {
  const client = connectClient(wsUrl, documentName, { cookie: session.cookie });
  await waitSynced(client);
  return client;
}

/** Until the server's copy of proposal `n` satisfies `check` (edits travel over the websocket). */
export async function waitForProposal(
  session: Session,
  slug: string,
  n: number,
  check: (content: LadderContent) => boolean,
  message = 'the proposal to hold the edit',
): Promise<LadderContent> {
  return waitFor(
    async () => {
      const content = await proposalContent(session, slug, n);
      return check(content) ? content : null;
    },
    { message },
  );
}

/** Edits a proposal live through a websocket client and waits until the server has it. */
export async function editLive(
  wsUrl: string,
  session: Session,
  slug: string,
  proposal: { number: number; documentName: string },
  edit: (doc: Y.Doc) => void,
  stored: (content: LadderContent) => boolean,
): Promise<LadderContent> {
  const client = await connectEditor(wsUrl, session, proposal.documentName);
  try {
    edit(client.doc);
    return await waitForProposal(session, slug, proposal.number, stored);
  } finally {
    client.destroy();
  }
}

/**
 * A ladder whose first proposal was opened, approved by a reviewer and published as version 1.
 * `author` starts it (proposal #1 is by whoever the ladders route records, or nobody).
 */
export async function createPublishedLadder(
  team: Team,
  content: LadderContent,
): Promise<{ slug: string; v1: LadderContent }> {
  const { slug } = await createLadder(team.alice, content);
  await openProposal(team.alice, slug, 1);
  await approve(team.rita, slug, 1);
  const { version } = await merge(team.alice, slug, 1);
  if (version.number !== 1) throw new Error(`expected version 1, got ${version.number}`);
  return { slug, v1: await versionContent(team.vera, slug, 1) };
}

export { cellText };

/** The preview of "update from published": what it takes from published, and its conflicts. */
export async function updatePlan(session: Session, slug: string, n: number): Promise<UpdatePlanView> {
  return (
    await call<{ plan: UpdatePlanView }>(session, 'GET', proposalPath(slug, n, '/update-from-published'))
  ).plan;
}

/** Previews the update, resolves each conflict with `resolve`, and confirms it. */
export async function updateFromPublished(
  session: Session,
  slug: string,
  n: number,
  resolve: (conflict: UpdateConflict) => UpdateResolution = () => {
    throw new Error('unexpected conflict');
  },
): Promise<ProposalDetail> {
  const plan = await updatePlan(session, slug, n);
  const resolutions = Object.fromEntries(plan.conflicts.map((c) => [c.id, resolve(c)]));
  const body = { publishedVersion: plan.publishedVersion, fingerprint: plan.fingerprint, resolutions };
  return (
    await call<{ proposal: ProposalDetail }>(
      session,
      'POST',
      proposalPath(slug, n, '/update-from-published'),
      body,
    )
  ).proposal;
}
