/**
 * Issue 11: the proposal page reads its live document and asks the server only when something
 * outside the document changed. Publishing one proposal changes what the others are compared
 * with, so the server announces the new version to everyone in the other open proposals
 * (through the room's awareness), on every instance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcedPublishedVersion } from '@rungs/shared/api/announcements';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import type { TestClient } from '../helpers/collab-client.ts';
import { testLadder, typeIntoCell } from '../helpers/ladders.ts';
import {
  approve,
  connectEditor,
  createPublishedLadder,
  createTeam,
  editLive,
  merge,
  openProposal,
  startProposal,
  type Team,
} from '../helpers/proposals.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { useTeamServer } from '../helpers/team-server.ts';
import { waitFor } from '../helpers/wait.ts';

const announced = (client: TestClient) =>
  announcedPublishedVersion(client.provider.awareness.getStates().values());

/** Publishes a one-cell change as the next version, through the server at `publishVia`. */
async function publishAnother(team: Team, slug: string, publishVia: ServerProcess): Promise<number> {
  const p = await startProposal(team.alice, slug, 'Another change', { open: true });
  await editLive(
    publishVia.wsUrl,
    team.alice,
    slug,
    p,
    (doc) => typeIntoCell(doc, 'L1', 'C1', ' Published elsewhere.'),
    (content) => JSON.stringify(content.cells['L1:C1'] ?? '').includes('Published elsewhere.'),
  );
  await approve(team.rita, slug, p.number);
  return (await merge(team.alice, slug, p.number)).version.number;
}

describe('the published version is announced to the other open proposals', () => {
  const app = useTeamServer();

  it('tells a reviewer and an editor on another proposal, and nobody before it happens', async () => {
    const { slug } = await createPublishedLadder(app.team, testLadder(2, 2));
    const waiting = await startProposal(app.team.bob, slug, 'Waiting for review', { open: true });
    const editor = await connectEditor(app.server.wsUrl, app.team.bob, waiting.documentName);
    const reviewer = await connectEditor(app.server.wsUrl, app.team.rita, waiting.documentName);
    try {
      expect(announced(editor)).toBeNull();
      const version = await publishAnother(app.team, slug, app.server);
      expect(version).toBe(2);
      await waitFor(() => announced(editor) === 2 && announced(reviewer) === 2, {
        message: 'both clients to hear of version 2',
      });
      // A client joining later hears it too (the room keeps its state while loaded).
      const late = await connectEditor(app.server.wsUrl, app.team.ravi, waiting.documentName);
      try {
        await waitFor(() => announced(late) === 2, { message: 'the late client to hear of version 2' });
      } finally {
        late.destroy();
      }
    } finally {
      editor.destroy();
      reviewer.destroy();
    }
  });

  it('leaves the proposals of another ladder alone', async () => {
    const one = await createPublishedLadder(app.team, testLadder(2, 2, 'One'));
    const two = await createPublishedLadder(app.team, testLadder(2, 2, 'Two'));
    const other = await startProposal(app.team.bob, two.slug, 'Elsewhere');
    await openProposal(app.team.bob, two.slug, other.number);
    const client = await connectEditor(app.server.wsUrl, app.team.bob, other.documentName);
    try {
      await publishAnother(app.team, one.slug, app.server);
      // The announcement for ladder one reached its own proposals only: publish on ladder two
      // afterwards and the first announcement this client hears is ladder two's.
      await publishAnother(app.team, two.slug, app.server);
      await waitFor(() => announced(client) !== null, { message: 'the client to hear of ladder two' });
      expect(announced(client)).toBe(2);
    } finally {
      client.destroy();
    }
  });
});

describe('announcements across two instances', () => {
  let cluster: Cluster;
  let team: Team;

  beforeAll(async () => {
    cluster = await startCluster('announce');
    team = await createTeam(cluster.one.url);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('reaches a client of the other instance', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2));
    const waiting = await startProposal(team.bob, slug, 'On instance two', { open: true });
    const client = await connectEditor(cluster.two.wsUrl, team.bob, waiting.documentName);
    try {
      const version = await publishAnother(team, slug, cluster.one);
      await waitFor(() => announced(client) === version, { message: 'the client on two to hear of it' });
    } finally {
      client.destroy();
    }
  });
});
