/**
 * Issue 9, item 1: "update from published" is a three-way update the author confirms. One-sided
 * changes are taken from either side; a both-sided change is a choice (keep mine, take published,
 * a combined text); nothing changes until confirmed; the proposal's own edits survive unless the
 * author chose otherwise. Real server, live websocket edits, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { removeLevel, renameLevel, type UpdateConflict, type UpdateResolution } from '@rungs/shared';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { testLadder, typeIntoCell } from '../helpers/ladders.ts';
import type { Session } from '../helpers/auth.ts';
import {
  approve,
  call,
  cellText,
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
  updateFromPublished,
  updatePlan,
  versionContent,
  type ProposalView,
  type Team,
} from '../helpers/proposals.ts';

describe.each(DATABASE_KINDS)('update from published on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let team: Team;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({ databaseUrl: db.url });
    team = await createTeam(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const edit = (
    who: Session,
    slug: string,
    p: ProposalView,
    change: (doc: Y.Doc) => void,
    stored: Parameters<typeof editLive>[5],
  ) => editLive(server.wsUrl, who, slug, p, change, stored);

  const typeCell = (
    who: Session,
    slug: string,
    p: ProposalView,
    levelId: string,
    competencyId: string,
    text: string,
  ) =>
    edit(
      who,
      slug,
      p,
      (doc) => typeIntoCell(doc, levelId, competencyId, text),
      (c) => cellText(c, levelId, competencyId).includes(text),
    );

  /** Publishes `published` edits as version 2 while proposal `mine` (forked at version 1) has its own. */
  const diverge = async (
    published: (slug: string, p: ProposalView) => Promise<unknown>,
    mine: (slug: string, p: ProposalView) => Promise<unknown>,
  ) => {
    const { slug } = await createPublishedLadder(team, testLadder());
    const theirs = await startProposal(team.alice, slug, 'Published change');
    const ours = await startProposal(team.bob, slug, 'My change');
    await published(slug, theirs);
    await mine(slug, ours);
    await openProposal(team.alice, slug, theirs.number);
    await approve(team.rita, slug, theirs.number);
    expect((await merge(team.alice, slug, theirs.number)).version.number).toBe(2);
    return { slug, ours };
  };

  /** Both sides typed into cell L1:C1. */
  const bothChangedCell = () =>
    diverge(
      (slug, p) => typeCell(team.alice, slug, p, 'L1', 'C1', 'Published text.'),
      (slug, p) => typeCell(team.bob, slug, p, 'L1', 'C1', 'My text.'),
    );

  it('takes one-sided changes of either side, and changes nothing until confirmed', async () => {
    const { slug, ours } = await diverge(
      (slug, p) => typeCell(team.alice, slug, p, 'L1', 'C1', 'Published text.'),
      (slug, p) => typeCell(team.bob, slug, p, 'L2', 'C2', 'My text.'),
    );
    const plan = await updatePlan(team.bob, slug, ours.number);
    expect(plan).toMatchObject({ baseVersion: 1, publishedVersion: 2, conflicts: [] });
    expect(plan.fromPublished).toEqual(["cell T1 × 'Competency 1'"]);

    // Previewing changed nothing.
    const before = await proposalContent(team.bob, slug, ours.number);
    expect(cellText(before, 'L1', 'C1')).toBe('');
    expect((await getProposal(team.bob, slug, ours.number)).baseVersion).toBe(1);

    const updated = await updateFromPublished(team.bob, slug, ours.number);
    expect(updated).toMatchObject({ baseVersion: 2, behindPublished: false, conflicts: [] });
    const after = await proposalContent(team.bob, slug, ours.number);
    expect(cellText(after, 'L1', 'C1')).toBe('Published text.');
    expect(cellText(after, 'L2', 'C2')).toBe('My text.');
    // Its own change is still what it proposes.
    expect(updated.changes.diff.cells.map((c) => c.key)).toEqual(['L2:C2']);
  });

  it('offers a cell both sides changed as a choice, and refuses to go on without one', async () => {
    const { slug, ours } = await bothChangedCell();
    const detail = await getProposal(team.bob, slug, ours.number);
    expect(detail.conflicts).toHaveLength(1);
    const plan = await updatePlan(team.bob, slug, ours.number);
    expect(plan.conflicts).toEqual([
      {
        id: 'cell:L1:C1',
        kind: 'rich',
        reason: 'both-changed',
        label: "cell T1 × 'Competency 1'",
        combinable: true,
        base: '',
        mine: 'My text.',
        published: 'Published text.',
      },
    ]);
    const path = proposalPath(slug, ours.number, '/update-from-published');
    const confirm = { publishedVersion: 2, fingerprint: plan.fingerprint };

    expect(await refused(team.bob, 'POST', path)).toMatchObject({ status: 400, code: 'invalid_request' });
    const missing = await refused(team.bob, 'POST', path, { ...confirm, resolutions: {} });
    expect(missing).toMatchObject({ status: 400, code: 'unresolved_conflicts' });
    expect(missing.message).toContain("cell T1 × 'Competency 1'");
    const stale = await refused(team.bob, 'POST', path, {
      ...confirm,
      publishedVersion: 1,
      resolutions: { 'cell:L1:C1': { choice: 'mine' } },
    });
    expect(stale).toMatchObject({ status: 409, code: 'published_moved' });

    // An edit after the preview: the author must look again.
    await typeCell(team.bob, slug, ours, 'L2', 'C1', 'Later.');
    expect(
      await refused(team.bob, 'POST', path, {
        ...confirm,
        resolutions: { 'cell:L1:C1': { choice: 'mine' } },
      }),
    ).toMatchObject({ status: 409, code: 'proposal_changed' });

    const content = await proposalContent(team.bob, slug, ours.number);
    expect(cellText(content, 'L1', 'C1')).toBe('My text.');
    expect((await getProposal(team.bob, slug, ours.number)).baseVersion).toBe(1);
  });

  const resolvedWith = async (resolve: (c: UpdateConflict) => UpdateResolution) => {
    const { slug, ours } = await bothChangedCell();
    const updated = await updateFromPublished(team.bob, slug, ours.number, resolve);
    expect(updated).toMatchObject({ baseVersion: 2, conflicts: [] });
    return {
      slug,
      ours,
      updated,
      text: cellText(await proposalContent(team.bob, slug, ours.number), 'L1', 'C1'),
    };
  };

  it('keeps the proposal’s own text when the author keeps mine, and publishes it', async () => {
    const { slug, ours, updated, text } = await resolvedWith(() => ({ choice: 'mine' }));
    expect(text).toBe('My text.');
    expect(updated.changes.diff.cells.map((c) => c.key)).toEqual(['L1:C1']);
    await openProposal(team.bob, slug, ours.number);
    await approve(team.rita, slug, ours.number);
    expect((await merge(team.bob, slug, ours.number)).version.number).toBe(3);
    expect(cellText(await versionContent(team.vera, slug, 3), 'L1', 'C1')).toBe('My text.');
  });

  it('takes the published text when the author chooses it', async () => {
    const { updated, text } = await resolvedWith(() => ({ choice: 'published' }));
    expect(text).toBe('Published text.');
    expect(updated.changes.diff.cells).toEqual([]);
  });

  it('writes a combined text the author edited', async () => {
    const { slug, ours, text } = await resolvedWith((c) => ({
      choice: 'combined',
      text: `${c.mine} And ${c.published}`,
    }));
    expect(text).toBe('My text. And Published text.');
    await openProposal(team.bob, slug, ours.number);
    await approve(team.rita, slug, ours.number);
    await merge(team.bob, slug, ours.number);
    expect(cellText(await versionContent(team.vera, slug, 3), 'L1', 'C1')).toBe(
      'My text. And Published text.',
    );
  });

  describe('a level renamed in the proposal and removed on the published line', () => {
    const renamedAndRemoved = () =>
      diverge(
        (slug, p) =>
          edit(
            team.alice,
            slug,
            p,
            (doc) => removeLevel(doc, 'L2'),
            (c) => c.levels.length === 1,
          ),
        (slug, p) =>
          edit(
            team.bob,
            slug,
            p,
            (doc) => renameLevel(doc, 'L2', { title: 'Senior tester' }),
            (c) => c.levels.some((l) => l.title === 'Senior tester'),
          ),
      );

    it('keeps the renamed level when the author keeps mine', async () => {
      const { slug, ours } = await renamedAndRemoved();
      const plan = await updatePlan(team.bob, slug, ours.number);
      expect(plan.conflicts.map((c) => [c.id, c.kind, c.mine, c.published])).toEqual([
        ['level:L2:existence', 'existence', 'Kept as T2 · Senior tester', 'Removed'],
      ]);
      await updateFromPublished(team.bob, slug, ours.number, () => ({ choice: 'mine' }));
      const content = await proposalContent(team.bob, slug, ours.number);
      expect(content.levels.map((l) => [l.id, l.title])).toEqual([
        ['L1', 'Tester 1'],
        ['L2', 'Senior tester'],
      ]);
      expect((await getProposal(team.bob, slug, ours.number)).conflicts).toEqual([]);
    });

    it('removes it when the author takes published', async () => {
      const { slug, ours } = await renamedAndRemoved();
      await updateFromPublished(team.bob, slug, ours.number, () => ({ choice: 'published' }));
      const content = await proposalContent(team.bob, slug, ours.number);
      expect(content.levels.map((l) => l.id)).toEqual(['L1']);
    });
  });

  it('is refused for viewers', async () => {
    const { slug, ours } = await bothChangedCell();
    expect(
      await refused(team.vera, 'GET', proposalPath(slug, ours.number, '/update-from-published')),
    ).toMatchObject({
      status: 403,
    });
    expect(
      await call(team.bob, 'GET', proposalPath(slug, ours.number, '/update-from-published')),
    ).toHaveProperty('plan');
  });
});
