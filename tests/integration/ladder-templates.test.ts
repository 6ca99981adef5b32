/**
 * "New ladder" starts from a template written by us or from a copy of another ladder's published
 * version (never its unpublished draft). Real app, live websocket edits, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs, setCell, type LadderContent } from '@rungs/shared';
import type { LadderTemplateSummary } from '@rungs/shared/api/ladder-templates';
import { findLadderTemplate } from '@rungs/shared/templates/index';
import { startTestApp, type ListeningApp } from '../helpers/app.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { cellText, createLadder, testLadder } from '../helpers/ladders.ts';
import {
  approve,
  call,
  createPublishedLadder,
  createTeam,
  editLive,
  merge,
  openProposal,
  proposalContent,
  refused,
  startProposal,
  type Team,
} from '../helpers/proposals.ts';

/** A ladder's text and structure in order, without its ids (a new ladder gets ids of its own). */
function withoutIds(content: LadderContent) {
  return {
    title: content.title,
    track: content.track,
    description: content.description,
    levels: content.levels.map(({ id: _id, ...rest }) => rest),
    competencies: content.competencies.map(({ id: _id, ...rest }) => rest),
    cells: content.levels.map((l) =>
      content.competencies.map((c) => content.cells[`${l.id}:${c.id}`] ?? null),
    ),
  };
}

describe.each(DATABASE_KINDS)('new ladders from templates and copies on %s', (kind) => {
  let db: TestDatabase;
  let server: ListeningApp;
  let team: Team;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startTestApp(db.url);
    team = await createTeam(server.url);
  });

  afterAll(async () => {
    await server?.app.close();
    await db?.drop();
  });

  const create = (body: Record<string, unknown>) =>
    call<{ ladder: { slug: string; title: string; track: string } }>(
      team.alice,
      'POST',
      '/api/ladders',
      body,
      201,
    );

  it('lists the templates with their counts to every signed-in role', async () => {
    const { templates } = await call<{ templates: LadderTemplateSummary[] }>(
      team.vera,
      'GET',
      '/api/ladder-templates',
    );
    expect(templates.map((t) => t.id)).toEqual([
      'blank',
      'ic-engineering',
      'engineering-manager',
      'product-manager',
    ]);
    expect(templates.find((t) => t.id === 'ic-engineering')).toMatchObject({
      name: 'Software engineering (IC)',
      levels: 6,
      competencies: 6,
    });
    expect(templates.every((t) => t.description.length > 0)).toBe(true);
  });

  it('creates a ladder whose first draft holds the template’s content, with the title it was given', async () => {
    const template = findLadderTemplate('ic-engineering')!;
    const { ladder } = await create({ title: 'Platform engineering', template: 'ic-engineering' });
    expect(ladder).toMatchObject({ title: 'Platform engineering', track: template.content.track });
    const content = await proposalContent(team.alice, ladder.slug, 1);
    expect(withoutIds(content)).toEqual(withoutIds({ ...template.content, title: 'Platform engineering' }));
    expect(content.levels.map((l) => l.id)).not.toContain(template.content.levels[0]!.id);
    expect(Object.keys(content.cells)).toHaveLength(36);
  });

  it('keeps a track typed by the person over the template’s, and makes "blank" an empty ladder', async () => {
    const { ladder } = await create({ title: 'EMs', track: 'Management', template: 'engineering-manager' });
    expect(ladder.track).toBe('Management');
    const managed = await proposalContent(team.alice, ladder.slug, 1);
    expect(managed.levels).toHaveLength(5);
    const blank = await create({ title: 'Nothing yet', template: 'blank' });
    const empty = await proposalContent(team.alice, blank.ladder.slug, 1);
    expect(empty).toMatchObject({ title: 'Nothing yet', levels: [], competencies: [], cells: {} });
  });

  it('copies the latest published version, or the one asked for, and never the draft’s unpublished edits', async () => {
    const source = testLadder(2, 2, 'Design ladder');
    source.cells['L1:C1'] = docFromParagraphs('Published in version 1.');
    const { slug, v1 } = await createPublishedLadder(team, source);
    const second = await startProposal(team.alice, slug, 'Second', { open: true });
    await editLive(
      server.wsUrl,
      team.alice,
      slug,
      second,
      (doc) => setCell(doc, 'L1', 'C1', docFromParagraphs('Published in version 2.')),
      (c) => cellText(c, 'L1', 'C1') === 'Published in version 2.',
    );
    await approve(team.rita, slug, second.number);
    await merge(team.alice, slug, second.number);
    const draft = await startProposal(team.alice, slug, 'Unpublished');
    await editLive(
      server.wsUrl,
      team.alice,
      slug,
      draft,
      (doc) => setCell(doc, 'L1', 'C1', docFromParagraphs('Secret draft text.')),
      (c) => cellText(c, 'L1', 'C1') === 'Secret draft text.',
    );

    const latest = await create({ title: 'Design copy', fromLadder: { slug } });
    expect(latest.ladder.track).toBe('Testing');
    const copied = await proposalContent(team.alice, latest.ladder.slug, 1);
    const [level] = copied.levels;
    const [competency] = copied.competencies;
    expect(cellText(copied, level!.id, competency!.id)).toBe('Published in version 2.');
    expect(JSON.stringify(copied)).not.toContain('Secret draft text.');
    expect(level!.id).not.toBe('L1');

    const first = await create({ title: 'Design copy of v1', fromLadder: { slug, version: 1 } });
    const copiedV1 = await proposalContent(team.alice, first.ladder.slug, 1);
    expect(withoutIds(copiedV1)).toEqual(withoutIds({ ...v1, title: 'Design copy of v1' }));
  });

  it('refuses viewers and reviewers (403) and changes nothing', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(1, 1, 'Readable ladder'));
    const before = await call<{ ladders: unknown[] }>(team.admin, 'GET', '/api/ladders');
    for (const who of [team.vera, team.rita]) {
      for (const body of [
        { title: 'Nope', template: 'ic-engineering' },
        { title: 'Nope', fromLadder: { slug } },
      ]) {
        expect((await refused(who, 'POST', '/api/ladders', body)).status).toBe(403);
      }
    }
    const after = await call<{ ladders: unknown[] }>(team.admin, 'GET', '/api/ladders');
    expect(after.ladders).toHaveLength(before.ladders.length);
  });

  it('says which templates exist when asked for an unknown one (400)', async () => {
    const err = await refused(team.alice, 'POST', '/api/ladders', { title: 'X', template: 'ic-engneering' });
    expect(err).toMatchObject({ status: 400, code: 'unknown_template' });
    expect(err.message).toContain('"ic-engneering"');
    expect(err.message).toContain('"ic-engineering"');
  });

  it('refuses to copy a ladder that was never published (409), and says so', async () => {
    const { slug } = await createLadder(team.alice, testLadder(1, 1, 'Only a draft'));
    const err = await refused(team.alice, 'POST', '/api/ladders', { title: 'X', fromLadder: { slug } });
    expect(err).toMatchObject({ status: 409, code: 'not_published' });
    expect(err.message).toMatch(/never been published/);
    expect(err.message).toContain('Only a draft');
  });

  it('refuses an unknown source ladder or version (404), and two starting points at once (400)', async () => {
    const missing = await refused(team.alice, 'POST', '/api/ladders', {
      title: 'X',
      fromLadder: { slug: 'no-such-ladder' },
    });
    expect(missing).toMatchObject({ status: 404, code: 'not_found' });
    expect(missing.message).toContain('no-such-ladder');

    const { slug } = await createPublishedLadder(team, testLadder(1, 1, 'One version'));
    const version = await refused(team.alice, 'POST', '/api/ladders', {
      title: 'X',
      fromLadder: { slug, version: 4 },
    });
    expect(version).toMatchObject({ status: 404 });
    expect(version.message).toContain('versions are 1 to 1');

    const both = await refused(team.alice, 'POST', '/api/ladders', {
      title: 'X',
      template: 'ic-engineering',
      fromLadder: { slug },
    });
    expect(both).toMatchObject({ status: 400, code: 'conflicting_starting_points' });
  });

  it('opens a ladder made from a template for review like any other', async () => {
    const { ladder } = await create({ title: 'Product ladder', template: 'product-manager' });
    const proposal = await openProposal(team.alice, ladder.slug, 1);
    expect(proposal.state).toBe('open');
  });
});
