/**
 * Several server processes behind a load balancer: they share PostgreSQL and fan updates,
 * presence and control messages out through Redis, so people on different instances edit the
 * same proposal live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Session } from '../helpers/auth.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { cellText, fetchContent, fragmentText, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import { waitFor } from '../helpers/wait.ts';
import {
  approve,
  createPublishedLadder,
  createTeam,
  merge,
  openProposal,
  startProposal,
  type Team,
} from '../helpers/proposals.ts';

describe('two instances sharing PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let one: ServerProcess;
  let two: ServerProcess;
  let team: Team;
  const clients: TestClient[] = [];

  const on = (server: ServerProcess, session: Session): Session => ({ ...session, baseUrl: server.url });
  const client = async (server: ServerProcess, session: Session, doc: string) => {
    const c = connectClient(server.wsUrl, doc, { cookie: session.cookie });
    clients.push(c);
    await waitSynced(c);
    return c;
  };

  beforeAll(async () => {
    cluster = await startCluster('scale-out');
    ({ one, two } = cluster);
    team = await createTeam(one.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('editors on different instances see each other live, and both instances store it', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, 'Shared ladder'));
    const proposal = await startProposal(team.alice, slug, 'Across instances');
    const a = await client(one, team.alice, proposal.documentName);
    const b = await client(two, team.bob, proposal.documentName);

    typeIntoCell(a.doc, 'L1', 'C1', 'Typed on instance one.');
    typeIntoCell(b.doc, 'L2', 'C2', 'Typed on instance two.');
    await waitFor(() => fragmentText(b.doc, 'cell:L1:C1') === 'Typed on instance one.', {
      message: 'instance two to relay the edit from instance one',
    });
    await waitFor(() => fragmentText(a.doc, 'cell:L2:C2') === 'Typed on instance two.', {
      message: 'instance one to relay the edit from instance two',
    });

    // Presence crosses instances too.
    a.provider.awareness.setLocalStateField('user', { name: 'Alice Editor', color: '#0a0' });
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name?: string } }).user?.name === 'Alice Editor',
        ),
      { message: "Alice's presence to reach instance two" },
    );

    for (const server of [one, two]) {
      const content = await waitFor(async () => {
        const c = await fetchContent(on(server, team.alice), proposal.documentName);
        return cellText(c, 'L1', 'C1') && cellText(c, 'L2', 'C2') ? c : null;
      });
      expect(cellText(content, 'L1', 'C1')).toBe('Typed on instance one.');
      expect(cellText(content, 'L2', 'C2')).toBe('Typed on instance two.');
    }
  });

  it('publishing on one instance makes the proposal read-only for editors on the other', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, 'Publish across'));
    const proposal = await startProposal(team.alice, slug, 'To publish');
    const b = await client(two, team.bob, proposal.documentName);
    typeIntoCell(b.doc, 'L1', 'C2', 'A change to publish.');
    await waitFor(async () => {
      const res = await api(team.alice, 'GET', `/api/ladders/${slug}/proposals/${proposal.number}/content`);
      const { content } = (await res.json()) as { content: Parameters<typeof cellText>[0] };
      return cellText(content, 'L1', 'C2') === 'A change to publish.';
    });
    const closed = new Promise<number>((resolve) =>
      b.provider.on('connection-close', (event: { code?: number } | null) => resolve(event?.code ?? 0)),
    );
    await openProposal(team.alice, slug, proposal.number);
    await approve(team.rita, slug, proposal.number);
    await merge(team.alice, slug, proposal.number); // through instance one
    expect(await closed).toBe(4301);
  });

  it('disabling a user on one instance closes their websocket on the other', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(1, 1, 'Revoke across'));
    const proposal = await startProposal(team.alice, slug, 'Revoke');
    const b = await client(two, team.bob, proposal.documentName);
    const closed = new Promise<number>((resolve) =>
      b.provider.on('connection-close', (event: { code?: number } | null) => resolve(event?.code ?? 0)),
    );
    const res = await api(team.admin, 'PATCH', `/api/users/${team.bob.user.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(await closed).toBe(4401);
    b.provider.disconnect();
  });
});
