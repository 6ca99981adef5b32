/**
 * Issue 11: nothing on a page polls. The bell follows `/api/notifications/stream` (server-sent
 * events): after a write that changes what notifications show (a verdict, a comment, a proposal
 * opened), every open stream hears `changed`, on every instance; reads tell nobody. The stream is
 * for signed-in users only, bounded per user, and ends when the server shuts down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers/auth.ts';
import { startCluster, type Cluster } from '../helpers/cluster.ts';
import { testLadder } from '../helpers/ladders.ts';
import { createTeam, openProposal, type Team } from '../helpers/proposals.ts';
import { createLadder } from '../helpers/ladders.ts';
import { startServer } from '../helpers/server-process.ts';
import { useTeamServer } from '../helpers/team-server.ts';
import { waitFor } from '../helpers/wait.ts';
import { openNotificationStream, type NotificationStream } from '../helpers/notification-stream.ts';

describe('the notifications stream', () => {
  const app = useTeamServer();

  it('says `changed` after writes that notifications show (a proposal opened, a comment)', async () => {
    const { slug } = await createLadder(app.team.alice, testLadder(2, 2));
    const reviewer = await openNotificationStream(app.server.url, app.team.rita.cookie);
    const author = await openNotificationStream(app.server.url, app.team.alice.cookie);
    try {
      expect(reviewer.status).toBe(200);
      // Opening proposal #1 for review asks the reviewers.
      await openProposal(app.team.alice, slug, 1);
      await waitFor(() => reviewer.changes() >= 1 && author.changes() >= 1, {
        message: 'both streams to hear of the opened proposal',
      });
      const before = reviewer.changes();
      const comment = await api(app.team.rita, 'POST', `/api/ladders/${slug}/proposals/1/comments`, {
        body: 'Is this the right scope for level 2?',
      });
      expect(comment.status).toBe(201);
      await waitFor(() => reviewer.changes() > before, { message: 'the comment to be heard' });
    } finally {
      reviewer.close();
      author.close();
    }
  });

  it('is refused without a session, and past the streams one user may hold', async () => {
    const anonymous = await openNotificationStream(app.server.url, null);
    expect(anonymous.status).toBe(401);
    const streams: NotificationStream[] = [];
    try {
      for (let i = 0; i < 20; i++)
        streams.push(await openNotificationStream(app.server.url, app.team.vera.cookie));
      expect(streams.every((s) => s.status === 200)).toBe(true);
      const over = await openNotificationStream(app.server.url, app.team.vera.cookie);
      expect(over.status).toBe(429);
      over.close();
      // Closing one frees its place.
      streams.pop()!.close();
      await waitFor(
        async () => {
          const again = await openNotificationStream(app.server.url, app.team.vera.cookie);
          again.close();
          return again.status === 200;
        },
        { message: 'a closed stream to free its place' },
      );
    } finally {
      for (const s of streams) s.close();
    }
  });
});

describe('the notifications stream across two instances', () => {
  let cluster: Cluster;
  let team: Team;

  beforeAll(async () => {
    cluster = await startCluster('notify');
    team = await createTeam(cluster.one.url);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('tells a page connected to the other instance', async () => {
    const { slug } = await createLadder(team.alice, testLadder(2, 2));
    const onTwo = await openNotificationStream(cluster.two.url, team.rita.cookie);
    try {
      expect(onTwo.status).toBe(200);
      await openProposal(team.alice, slug, 1);
      await waitFor(() => onTwo.changes() >= 1, { message: 'the stream on instance two to hear of it' });
    } finally {
      onTwo.close();
    }
  });

  it('ends open streams when an instance shuts down, without holding the shutdown', async () => {
    const extra = await startServer({ databaseUrl: cluster.db.url });
    const stream = await openNotificationStream(extra.url, team.rita.cookie);
    expect(stream.status).toBe(200);
    await extra.stop();
    await waitFor(() => stream.ended(), { message: 'the stream to end with the server' });
  });
});
