/**
 * Proposals on live branches (issue 4, acceptance 1 and 3): fork, live edits over real websockets,
 * review with fresh and stale approvals, publishing as versions, conflicts and "update from
 * published", concurrent merges from two server processes, restore. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCompetency, renameLevel } from '@rungs/shared';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadder, fragmentText, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import type { Session } from '../helpers/auth.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { waitFor } from '../helpers/wait.ts';
import {
  approve,
  call,
  cellText,
  connectEditor,
  createPublishedLadder,
  createTeam,
  editLive,
  getProposal,
  merge,
  openProposal,
  proposalContent,
  proposalPath,
  refused,
  startProposal,
  versionContent,
  waitForProposal,
  updateFromPublished,
  type ProposalView,
  type Team,
  type VersionView,
} from '../helpers/proposals.ts';

describe.each(DATABASE_KINDS)('proposals and published versions on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let team: Team;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({ databaseUrl: db.url, env: { RUNGS_IDLE_UNLOAD_MS: '200' } });
    team = await createTeam(server.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  /** A live edit of one cell by `who`, stored on the server before it returns. */
  const typeLive = (
    who: Session,
    slug: string,
    p: ProposalView,
    levelId: string,
    competencyId: string,
    text: string,
  ) =>
    editLive(
      server.wsUrl,
      who,
      slug,
      p,
      (doc) => typeIntoCell(doc, levelId, competencyId, text),
      (c) => cellText(c, levelId, competencyId).includes(text),
    );

  /** Starts a proposal, types `text` into a cell live, opens it for review. */
  const proposeCell = async (
    slug: string,
    levelId: string,
    competencyId: string,
    text: string,
    author = team.alice,
  ) => {
    const p = await startProposal(author, slug, `Change ${levelId}:${competencyId}`, {
      description: `Sets ${text}`,
    });
    await typeLive(author, slug, p, levelId, competencyId, text);
    await openProposal(author, slug, p.number);
    return p;
  };

  it('starts a new ladder as its first proposal, published as version 1', async () => {
    const content = testLadder();
    const { slug } = await createLadder(team.alice, content);
    const first = await getProposal(team.rita, slug, 1);
    expect(first).toMatchObject({
      number: 1,
      state: 'draft',
      baseVersion: 0,
      publishedVersion: 0,
      readOnly: false,
    });
    expect(first.changes.summary.length).toBeGreaterThan(0);
    expect((await call(team.vera, 'GET', `/api/ladders/${slug}/versions`)).versions).toEqual([]);
    expect(await refused(team.vera, 'GET', `/api/ladders/${slug}/versions/latest`)).toMatchObject({
      status: 404,
      code: 'not_published',
    });
    // Nothing to fork from yet.
    expect(
      await refused(team.alice, 'POST', `/api/ladders/${slug}/proposals`, { title: 'Too early' }),
    ).toMatchObject({
      status: 409,
      code: 'not_published',
    });

    await openProposal(team.alice, slug, 1);
    await approve(team.rita, slug, 1);
    const { version, proposal } = await merge(team.bob, slug, 1);
    expect(version).toMatchObject({
      number: 1,
      title: 'First version',
      publishedBy: { id: team.bob.user.id },
    });
    expect(version.approvers.map((a) => a.id)).toEqual([team.rita.user.id]);
    expect(proposal).toMatchObject({ state: 'merged', mergedVersion: 1, readOnly: true });
    expect(await versionContent(team.vera, slug, 1)).toEqual(await versionContent(team.vera, slug, 'latest'));
    const published = await versionContent(team.vera, slug, 1);
    expect(published.levels.map((l) => l.id)).toEqual(content.levels.map((l) => l.id));
    expect(published.title).toBe(content.title);
  });

  it('merges two proposals forked from v1 that change different cells: v3 contains both', async () => {
    const { slug, v1 } = await createPublishedLadder(team, testLadder());
    const a = await proposeCell(slug, 'L1', 'C1', 'Alpha writes the first cell.');
    const b = await proposeCell(slug, 'L2', 'C2', 'Beta writes another cell.', team.bob);
    expect([a.baseVersion, b.baseVersion]).toEqual([1, 1]);

    const aDetail = await getProposal(team.rita, slug, a.number);
    expect(aDetail.changes.diff.cells.map((c) => c.key)).toEqual(['L1:C1']);
    expect(aDetail.changes.diff.cells[0]!.change).toBe('added');

    await approve(team.rita, slug, a.number);
    await approve(team.rita, slug, b.number);
    expect((await merge(team.alice, slug, a.number)).version.number).toBe(2);

    // The published line moved under b, but not where b changed anything: no conflict.
    const bDetail = await getProposal(team.rita, slug, b.number);
    expect(bDetail).toMatchObject({
      behindPublished: true,
      baseVersion: 1,
      publishedVersion: 2,
      conflicts: [],
    });
    expect(bDetail.checks).toEqual({ canMerge: true, blockers: [] });
    expect(bDetail.preview!.diff.cells.map((c) => c.key)).toEqual(['L2:C2']);
    const { version: v3 } = await merge(team.bob, slug, b.number);
    expect(v3).toMatchObject({
      number: 3,
      title: 'Change L2:C2',
      description: 'Sets Beta writes another cell.',
      author: { id: team.bob.user.id },
    });

    const published = await versionContent(team.vera, slug, 3);
    expect(cellText(published, 'L1', 'C1')).toBe('Alpha writes the first cell.');
    expect(cellText(published, 'L2', 'C2')).toBe('Beta writes another cell.');
    expect({ ...published, cells: {} }).toEqual({ ...v1, cells: {} });

    const history = (
      await call<{ versions: VersionView[] }>(team.vera, 'GET', `/api/ladders/${slug}/versions`)
    ).versions;
    expect(history.map((v) => [v.number, v.proposalNumber])).toEqual([
      [3, b.number],
      [2, a.number],
      [1, 1],
    ]);
    expect(history[0]!.approvers.map((u) => u.name)).toEqual(['Rita Reviewer']);

    const diff = await call(team.vera, 'GET', `/api/ladders/${slug}/versions/1/diff/3`);
    expect(diff.diff.cells.map((c: { key: string }) => c.key).sort()).toEqual(['L1:C1', 'L2:C2']);
    const d23 = await call(team.vera, 'GET', `/api/ladders/${slug}/versions/2/diff/latest`);
    expect(d23.diff.cells.map((c: { key: string }) => c.key)).toEqual(['L2:C2']);
    expect(d23.diff.cells[0].blocks[0].segments).toEqual([
      { kind: 'insert', text: 'Beta writes another cell.' },
    ]);
    expect(d23.summary.length).toBeGreaterThan(0);
  });

  it('warns about a conflict when both changed the same cell, and "update from published" clears it', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const a = await proposeCell(slug, 'L1', 'C2', 'Published first.');
    const b = await proposeCell(slug, 'L1', 'C2', 'Written in parallel.', team.bob);
    await approve(team.rita, slug, a.number);
    await approve(team.rita, slug, b.number);
    await merge(team.alice, slug, a.number);

    // An editor has b open while the published line moves under it.
    const live = await connectEditor(server.wsUrl, team.bob, b.documentName);
    clients.push(live);

    const before = await getProposal(team.rita, slug, b.number);
    expect(before.conflicts).toHaveLength(1);
    expect(before.conflicts[0]).toMatchObject({
      target: { type: 'cell', key: 'L1:C2' },
      reason: 'both-changed',
    });
    expect(before.checks.canMerge).toBe(false);
    expect(before.checks.blockers.map((x) => x.code)).toEqual(['conflicts']);
    const refusal = await refused(team.bob, 'POST', proposalPath(slug, b.number, '/merge'));
    expect(refusal).toMatchObject({ status: 409, code: 'conflicts' });
    expect(refusal.message).toMatch(/update it from published/i);

    // The author resolves the cell both changed with a combined text.
    const updated = await updateFromPublished(team.bob, slug, b.number, (c) => ({
      choice: 'combined',
      text: `${c.published}\n${c.mine}`,
    }));
    expect(updated).toMatchObject({ baseVersion: 2, behindPublished: false, conflicts: [], state: 'open' });
    expect(updated.approvals).toEqual({ required: 1, fresh: 0, stale: 1 });
    expect(updated.reviewers.map((r: { fresh: boolean }) => r.fresh)).toEqual([false]);
    // The editor sees the published text arrive live, next to their own.
    await waitFor(() => fragmentText(live.doc, 'cell:L1:C2').includes('Published first.'), {
      message: 'the update to reach the editor',
    });
    const merged = cellText(await proposalContent(team.bob, slug, b.number), 'L1', 'C2');
    expect(merged).toContain('Published first.');
    expect(merged).toContain('Written in parallel.');

    await approve(team.ravi, slug, b.number);
    const { version } = await merge(team.bob, slug, b.number);
    expect(version.number).toBe(3);
    const published = cellText(await versionContent(team.vera, slug, 3), 'L1', 'C2');
    expect(published).toBe(merged);
  });

  it('refuses to publish without enough fresh approvals', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const draft = await startProposal(team.alice, slug, 'Still a draft');
    expect(await refused(team.alice, 'POST', proposalPath(slug, draft.number, '/merge'))).toMatchObject({
      status: 409,
      code: 'not_open',
    });

    const p = await proposeCell(slug, 'L2', 'C3', 'Needs two approvals.');
    expect(await refused(team.alice, 'POST', proposalPath(slug, p.number, '/merge'))).toMatchObject({
      status: 409,
      code: 'not_enough_approvals',
    });

    expect(
      await refused(team.alice, 'PATCH', `/api/ladders/${slug}/settings`, { requiredApprovals: 2 }),
    ).toMatchObject({ status: 403 });
    await call(team.admin, 'PATCH', `/api/ladders/${slug}/settings`, { requiredApprovals: 2 });
    await approve(team.rita, slug, p.number);
    const one = await getProposal(team.alice, slug, p.number);
    expect(one).toMatchObject({ state: 'open', approvals: { required: 2, fresh: 1, stale: 0 } });
    const refusal = await refused(team.alice, 'POST', proposalPath(slug, p.number, '/merge'));
    expect(refusal).toMatchObject({ status: 409, code: 'not_enough_approvals' });
    expect(refusal.message).toMatch(/needs 2 approvals.*it has 1/);

    await approve(team.ravi, slug, p.number);
    expect((await getProposal(team.alice, slug, p.number)).state).toBe('approved');
    expect((await merge(team.alice, slug, p.number)).version.number).toBe(2);
    expect((await versionContent(team.vera, slug, 'latest')).cells['L2:C3']).toBeDefined();
  });

  it('refuses self-approval', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const p = await proposeCell(slug, 'L1', 'C3', 'My own change.');
    const { fingerprint } = await getProposal(team.alice, slug, p.number);
    expect(
      await refused(team.alice, 'POST', proposalPath(slug, p.number, '/verdicts'), {
        verdict: 'approve',
        fingerprint,
      }),
    ).toMatchObject({ status: 403, code: 'own_proposal' });
    expect((await getProposal(team.alice, slug, p.number)).approvals.fresh).toBe(0);
    // Another editor may.
    await approve(team.bob, slug, p.number);
    expect((await getProposal(team.alice, slug, p.number)).state).toBe('approved');
  });

  it('makes an approval stale when the proposal is edited afterwards', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const p = await proposeCell(slug, 'L2', 'C1', 'Reviewed text.');
    const seen = await getProposal(team.rita, slug, p.number);
    await approve(team.rita, slug, p.number);
    expect(await getProposal(team.alice, slug, p.number)).toMatchObject({
      state: 'approved',
      approvals: { fresh: 1, stale: 0 },
    });

    await typeLive(team.bob, slug, p, 'L2', 'C1', ' And an unreviewed addition.');
    const after = await getProposal(team.alice, slug, p.number);
    expect(after.fingerprint).not.toBe(seen.fingerprint);
    expect(after).toMatchObject({ state: 'open', approvals: { required: 1, fresh: 0, stale: 1 } });
    expect(after.reviewers).toEqual([
      expect.objectContaining({
        reviewer: { id: team.rita.user.id, name: 'Rita Reviewer' },
        verdict: 'approve',
        fresh: false,
      }),
    ]);
    const refusal = await refused(team.alice, 'POST', proposalPath(slug, p.number, '/merge'));
    expect(refusal).toMatchObject({ status: 409, code: 'not_enough_approvals' });
    expect(refusal.message).toMatch(/stale/);
    // A verdict on the state the reviewer saw before the edit is refused, not recorded.
    expect(
      await refused(team.ravi, 'POST', proposalPath(slug, p.number, '/verdicts'), {
        verdict: 'approve',
        fingerprint: seen.fingerprint,
      }),
    ).toMatchObject({ status: 409, code: 'proposal_changed' });

    // A deletion alone changes the fingerprint too.
    await approve(team.rita, slug, p.number);
    await editLive(
      server.wsUrl,
      team.alice,
      slug,
      p,
      (doc) => {
        const text = doc.getXmlFragment('cell:L2:C1').get(0) as any;
        text.get(0).delete(0, 9);
      },
      (c) => !cellText(c, 'L2', 'C1').startsWith('Reviewed'),
    );
    expect((await getProposal(team.alice, slug, p.number)).approvals).toEqual({
      required: 1,
      fresh: 0,
      stale: 1,
    });

    await approve(team.rita, slug, p.number);
    const { version } = await merge(team.alice, slug, p.number);
    expect(cellText(await versionContent(team.vera, slug, version.number), 'L2', 'C1')).toBe(
      'text. And an unreviewed addition.',
    );
  });

  it('gives concurrent merges of one ladder consecutive versions and loses neither change (two server processes)', async () => {
    const second = await startServer({ databaseUrl: db.url, env: { RUNGS_IDLE_UNLOAD_MS: '200' } });
    try {
      const { slug } = await createPublishedLadder(team, testLadder(3, 3));
      const rounds = 3;
      let expected = 1;
      for (let round = 0; round < rounds; round++) {
        const a = await proposeCell(slug, `L${round + 1}`, 'C1', `Round ${round} from A.`);
        const b = await proposeCell(slug, `L${round + 1}`, 'C2', `Round ${round} from B.`, team.bob);
        await approve(team.rita, slug, a.number);
        await approve(team.rita, slug, b.number);
        const onSecond = { ...team.bob, baseUrl: second.url };
        const results = await Promise.all([
          merge(team.alice, slug, a.number),
          merge(onSecond, slug, b.number),
        ]);
        const numbers = results.map((r) => r.version.number).sort();
        expect(numbers).toEqual([expected + 1, expected + 2]);
        expected += 2;
      }
      const history = (
        await call<{ versions: VersionView[] }>(team.vera, 'GET', `/api/ladders/${slug}/versions`)
      ).versions;
      expect(history.map((v) => v.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
      const latest = await versionContent(team.vera, slug, 'latest');
      for (let round = 0; round < rounds; round++) {
        expect(cellText(latest, `L${round + 1}`, 'C1')).toBe(`Round ${round} from A.`);
        expect(cellText(latest, `L${round + 1}`, 'C2')).toBe(`Round ${round} from B.`);
      }
    } finally {
      await second.stop();
    }
  });

  it('two merges of the same proposal at once publish it once', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const p = await proposeCell(slug, 'L1', 'C1', 'Only once.');
    await approve(team.rita, slug, p.number);
    const results = await Promise.all([
      call(team.alice, 'POST', proposalPath(slug, p.number, '/merge')).then(
        () => 200,
        (e) => e.status as number,
      ),
      call(team.bob, 'POST', proposalPath(slug, p.number, '/merge')).then(
        () => 200,
        (e) => e.status as number,
      ),
    ]);
    expect(results.sort()).toEqual([200, 409]);
    expect((await call(team.vera, 'GET', `/api/ladders/${slug}/versions`)).versions).toHaveLength(2);
  });

  it('makes a published proposal read-only for the editors still connected', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const p = await proposeCell(slug, 'L1', 'C1', 'Published text.');
    const editor = connectClient(server.wsUrl, p.documentName, { cookie: team.bob.cookie });
    clients.push(editor);
    await waitSynced(editor);
    const closes: number[] = [];
    editor.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await approve(team.rita, slug, p.number);
    await merge(team.alice, slug, p.number);

    // The connection is closed (4301: published) and comes back read-only: later edits are not stored.
    await waitFor(() => closes.length > 0, { message: 'the editor to be disconnected' });
    expect(closes[0]).toBe(4301);
    await waitFor(() => editor.provider.synced, { message: 'the editor to reconnect' });
    const probe = await connectEditor(server.wsUrl, team.alice, p.documentName);
    clients.push(probe);
    typeIntoCell(editor.doc, 'L1', 'C1', ' After publishing.');
    // The server handles one connection's messages in order: once the probe sees this awareness
    // change, the server has dealt with the edit sent before it.
    editor.provider.awareness.setLocalStateField('marker', 'after-edit');
    await waitFor(
      () => [...probe.provider.awareness.getStates().values()].some((s) => s.marker === 'after-edit'),
      { message: 'the marker to reach the probe' },
    );
    expect(fragmentText(probe.doc, 'cell:L1:C1')).toBe('Published text.');
    expect(cellText(await proposalContent(team.alice, slug, p.number), 'L1', 'C1')).toBe('Published text.');
    expect(
      await refused(team.alice, 'POST', proposalPath(slug, p.number, '/update-from-published'), {
        publishedVersion: 2,
        fingerprint: 'any',
        resolutions: {},
      }),
    ).toMatchObject({
      status: 409,
      code: 'already_merged',
    });
  });

  it('publishes exactly what the proposal holds when edits race the merge', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    await call(team.admin, 'PATCH', `/api/ladders/${slug}/settings`, { requiredApprovals: 0 });
    const p = await proposeCell(slug, 'L1', 'C1', 'start;');
    const writer = connectClient(server.wsUrl, p.documentName, { cookie: team.bob.cookie });
    clients.push(writer);
    await waitSynced(writer);
    let stop = false;
    let typed = 0;
    const burst = (async () => {
      for (let n = 0; !stop; n++) {
        typeIntoCell(writer.doc, 'L1', 'C1', `t${n};`);
        typed++;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await waitForProposal(team.alice, slug, p.number, (c) => cellText(c, 'L1', 'C1').includes('t20;'));
    const { version } = await merge(team.alice, slug, p.number);
    await new Promise((r) => setTimeout(r, 100)); // the writer keeps typing into the read-only proposal
    stop = true;
    await burst;

    const published = cellText(await versionContent(team.vera, slug, version.number), 'L1', 'C1');
    const proposal = cellText(await proposalContent(team.alice, slug, p.number), 'L1', 'C1');
    expect(published).toContain('t20;');
    expect(proposal.slice(-40)).toBe(published.slice(-40));
    expect(proposal).toBe(published);
    expect(typed).toBeGreaterThan(published.split(';').length);
  });

  it('restores version 1 after two merges as a proposal whose content equals version 1', async () => {
    const { slug, v1 } = await createPublishedLadder(team, testLadder(3, 3));
    const a = await proposeCell(slug, 'L1', 'C1', 'Second version text.');
    await approve(team.rita, slug, a.number);
    await merge(team.alice, slug, a.number);
    // The second change renames a level and removes a competency too.
    const b = await startProposal(team.bob, slug, 'Restructure');
    await editLive(
      server.wsUrl,
      team.bob,
      slug,
      b,
      (doc) => {
        renameLevel(doc, 'L2', { title: 'Senior tester' });
        removeCompetency(doc, 'C3');
        typeIntoCell(doc, 'L3', 'C2', 'Third version text.');
      },
      (c) => c.competencies.length === 2 && cellText(c, 'L3', 'C2') !== '',
    );
    await openProposal(team.bob, slug, b.number);
    await approve(team.rita, slug, b.number);
    expect((await merge(team.bob, slug, b.number)).version.number).toBe(3);
    expect(await versionContent(team.vera, slug, 3)).not.toEqual(v1);

    expect(await refused(team.rita, 'POST', `/api/ladders/${slug}/versions/1/restore`, {})).toMatchObject({
      status: 403,
    });
    const restored = (await call(team.alice, 'POST', `/api/ladders/${slug}/versions/1/restore`, {}, 201))
      .proposal as ProposalView;
    expect(restored).toMatchObject({
      restoredFromVersion: 1,
      baseVersion: 3,
      state: 'draft',
      title: 'Restore version 1',
    });
    expect(await proposalContent(team.alice, slug, restored.number)).toEqual(v1);

    await openProposal(team.alice, slug, restored.number);
    await approve(team.rita, slug, restored.number);
    const { version } = await merge(team.alice, slug, restored.number);
    expect(version.number).toBe(4);
    expect(await versionContent(team.vera, slug, 4)).toEqual(v1);
    const back = await call(team.vera, 'GET', `/api/ladders/${slug}/versions/1/diff/4`);
    expect(back.summary).toEqual([]);

    // Restoring what is already published changes nothing, so there is nothing to publish.
    const noop = (
      await call(team.alice, 'POST', `/api/ladders/${slug}/versions/latest/restore`, { open: true }, 201)
    ).proposal as ProposalView;
    expect(noop).toMatchObject({ restoredFromVersion: 4, state: 'open' });
    await approve(team.rita, slug, noop.number);
    expect((await getProposal(team.alice, slug, noop.number)).checks.blockers.map((b) => b.code)).toEqual([
      'no_changes',
    ]);
    expect(await refused(team.alice, 'POST', proposalPath(slug, noop.number, '/merge'))).toMatchObject({
      status: 409,
      code: 'no_changes',
    });
  });

  it('threads comments on cells, resolves them, and notifies authors and reviewers', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    await call(team.rita, 'POST', '/api/notifications/seen', {});
    await call(team.alice, 'POST', '/api/notifications/seen', {});
    const p = await proposeCell(slug, 'L1', 'C2', 'Something to discuss.');

    const waiting = (await call(team.rita, 'GET', '/api/notifications')).notifications;
    expect(waiting).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'review_requested',
          unread: true,
          ladder: expect.objectContaining({ slug }),
          proposal: { number: p.number, title: p.title },
          actor: { id: team.alice.user.id, name: 'Alice Editor' },
        }),
      ]),
    );

    const overview = (await call(team.rita, 'GET', '/api/proposals/overview')).ladders;
    expect(overview.find((l: { slug: string }) => l.slug === slug)).toMatchObject({
      publishedVersion: 1,
      drafts: 0,
      inReview: 1,
      awaitingMyReview: [p.number],
    });
    const forViewer = (await call(team.vera, 'GET', '/api/proposals/overview')).ladders;
    expect(forViewer.find((l: { slug: string }) => l.slug === slug)).toMatchObject({
      publishedVersion: 1,
      inReview: 0,
      awaitingMyReview: [],
    });

    const path = proposalPath(slug, p.number, '/comments');
    const root = (await call(team.rita, 'POST', path, { body: 'Is this right?', cellKey: 'L1:C2' }, 201))
      .comment;
    expect(root).toMatchObject({ cellKey: 'L1:C2', parentId: null, author: { name: 'Rita Reviewer' } });
    const reply = (
      await call(team.alice, 'POST', path, { body: 'Yes, see the guide.', parentId: root.id }, 201)
    ).comment;
    expect(reply).toMatchObject({ cellKey: 'L1:C2', parentId: root.id });
    await call(team.ravi, 'POST', path, { body: 'Looks fine overall.' }, 201);
    expect(await refused(team.vera, 'POST', path, { body: 'Viewers cannot comment.' })).toMatchObject({
      status: 403,
    });
    expect(await refused(team.alice, 'PATCH', `${path}/${root.id}`, { body: 'Not mine.' })).toMatchObject({
      status: 403,
    });

    const threads = (await call(team.alice, 'GET', path)).threads;
    expect(threads.map((t: { body: string; replies: unknown[] }) => [t.body, t.replies.length])).toEqual([
      ['Is this right?', 1],
      ['Looks fine overall.', 0],
    ]);
    const onCell = (await call(team.alice, 'GET', `${path}?cellKey=L1:C2`)).threads;
    expect(onCell).toHaveLength(1);
    const resolved = (await call(team.alice, 'POST', `${path}/${reply.id}/resolve`)).comment;
    expect(resolved).toMatchObject({ id: root.id, resolvedBy: { id: team.alice.user.id } });
    expect((await getProposal(team.alice, slug, p.number)).comments).toEqual({
      total: 3,
      unresolvedThreads: 1,
    });

    await call(
      team.rita,
      'POST',
      proposalPath(slug, p.number, '/verdicts'),
      { verdict: 'request_changes', body: 'Please cite.' },
      201,
    );
    expect((await getProposal(team.alice, slug, p.number)).state).toBe('changes_requested');
    expect(await refused(team.alice, 'POST', proposalPath(slug, p.number, '/merge'))).toMatchObject({
      status: 409,
    });

    const mine = await call(team.alice, 'GET', '/api/notifications');
    // Alice also authored proposal #1 (the ladder's first), whose approval notified her too.
    const onThis = mine.notifications.filter(
      (n: { ladder: { slug: string }; proposal: { number: number } }) =>
        n.ladder.slug === slug && n.proposal.number === p.number,
    );
    expect(onThis.map((n: { kind: string }) => n.kind)).toEqual(['verdict', 'comment', 'comment']);
    expect(onThis[0]).toMatchObject({
      verdict: 'request_changes',
      actor: { name: 'Rita Reviewer' },
      unread: true,
    });
    expect(onThis[1]).toMatchObject({
      comment: { cellKey: null, excerpt: 'Looks fine overall.' },
      actor: { name: 'Ravi Reviewer' },
    });
    // Only what happened since Alice last looked is unread.
    expect(mine.unread).toBe(3);
    await call(team.alice, 'POST', '/api/notifications/seen', {});
    expect((await call(team.alice, 'GET', '/api/notifications')).unread).toBe(0);

    // Rita gave a verdict on the current state: nothing awaits her; Alice's reply reached her.
    const ritas = (await call(team.rita, 'GET', '/api/notifications')).notifications;
    expect(
      ritas
        .filter(
          (n: { proposal: { number: number }; ladder: { slug: string } }) =>
            n.ladder.slug === slug && n.proposal.number === p.number,
        )
        .map((n: { kind: string }) => n.kind),
    ).toEqual(['reply']);
    // After an edit, her verdict is outdated: it awaits her again.
    await typeLive(team.alice, slug, p, 'L1', 'C2', ' (Source: the guide.)');
    const again = (await call(team.rita, 'GET', '/api/notifications')).notifications;
    expect(
      again.some(
        (n: { kind: string; proposal: { number: number }; ladder: { slug: string } }) =>
          n.kind === 'review_outdated' && n.ladder.slug === slug && n.proposal.number === p.number,
      ),
    ).toBe(true);
    expect((await getProposal(team.alice, slug, p.number)).state).toBe('open');
  });

  it('closes and reopens a proposal; viewers read versions but not proposals', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const p = await startProposal(team.alice, slug, 'Maybe later');
    const closed = (await call(team.bob, 'POST', proposalPath(slug, p.number, '/close'))).proposal;
    expect(closed).toMatchObject({ state: 'closed', readOnly: true, closedBy: { id: team.bob.user.id } });
    expect(
      await refused(team.rita, 'POST', proposalPath(slug, p.number, '/verdicts'), { verdict: 'approve' }),
    ).toMatchObject({ status: 409 });
    const reopened = (await call(team.alice, 'POST', proposalPath(slug, p.number, '/reopen'))).proposal;
    expect(reopened).toMatchObject({ state: 'draft', readOnly: false, closedAt: null });
    await call(team.alice, 'PATCH', proposalPath(slug, p.number), { title: 'Now', description: 'Ready.' });

    const list = (await call(team.rita, 'GET', `/api/ladders/${slug}/proposals?state=all`)).proposals;
    expect(list.map((x: ProposalView) => [x.number, x.state, x.title])).toEqual([
      [p.number, 'draft', 'Now'],
      [1, 'merged', 'First version'],
    ]);
    expect((await call(team.rita, 'GET', `/api/ladders/${slug}/proposals`)).proposals).toHaveLength(1);

    expect(await refused(team.vera, 'GET', `/api/ladders/${slug}/proposals`)).toMatchObject({ status: 403 });
    const compare = await call(
      team.vera,
      'GET',
      `/api/ladders/${slug}/versions/1/compare?lower=L1&higher=L2`,
    );
    expect(compare.comparison).toMatchObject({ lower: { id: 'L1' }, higher: { id: 'L2' } });
    expect(compare.comparison.rows).toHaveLength(3);
    expect(
      await refused(team.vera, 'GET', `/api/ladders/${slug}/versions/1/compare?lower=L1&higher=nope`),
    ).toMatchObject({ status: 404 });
    expect(await refused(team.vera, 'GET', `/api/ladders/${slug}/versions/9`)).toMatchObject({ status: 404 });
  });

  it('says what each caller may do with a proposal, and what publishing it would give', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const a = await proposeCell(slug, 'L1', 'C1', 'Published meanwhile.');
    const p = await proposeCell(slug, 'L2', 'C1', 'The previewed text.');
    await approve(team.rita, slug, a.number);
    await merge(team.alice, slug, a.number);

    const asReviewer = await getProposal(team.rita, slug, p.number);
    expect(asReviewer.can).toEqual({ edit: false, publish: false, delete: false, resolve: true });
    const asEditor = await getProposal(team.bob, slug, p.number);
    expect(asEditor.can).toEqual({ edit: true, publish: false, delete: true, resolve: true });
    // The preview's content is the published line with the proposal's own change on it.
    const preview = asEditor.preview!.content;
    expect(cellText(preview, 'L1', 'C1')).toBe('Published meanwhile.');
    expect(cellText(preview, 'L2', 'C1')).toBe('The previewed text.');

    await approve(team.rita, slug, p.number);
    const approved = await getProposal(team.bob, slug, p.number);
    expect(approved.checks.canMerge).toBe(true);
    expect(approved.can).toEqual({ edit: true, publish: true, delete: true, resolve: true });
    expect((await getProposal(team.rita, slug, p.number)).can.publish).toBe(false);

    const { version } = await merge(team.bob, slug, p.number);
    expect(await versionContent(team.vera, slug, version.number)).toEqual(approved.preview!.content);
    const merged = await getProposal(team.bob, slug, p.number);
    expect(merged.preview).toBeNull();
    expect(merged.can).toEqual({ edit: false, publish: false, delete: false, resolve: true });
  });

  it('records publishing and every state change in the audit log', async () => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const res = await call(team.admin, 'GET', '/api/audit?limit=500&action=proposal.');
    const events = res.events as { action: string; target: string }[];
    const mine = events.filter((e) => e.target === `proposal:${slug}#1`).map((e) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['proposal.opened', 'proposal.approved', 'proposal.merged']));
  });
});
