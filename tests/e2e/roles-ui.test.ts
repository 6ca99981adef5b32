import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs, setCell } from '@rungs/shared';
import { api, type Session } from '../helpers/auth.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { cellText, createLadder, testLadder } from '../helpers/ladders.ts';
import {
  approve,
  call,
  createPublishedLadder,
  createTeam,
  editLive,
  merge,
  startProposal,
  type Team,
} from '../helpers/proposals.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * What each role is offered in the browser: readers (viewers, reviewers) see no control that
 * writes (new ladder, import, archive, new proposal, restore, settings); a reviewer's live draft
 * says "Read only" rather than "All changes saved" and a viewer sees no draft at all; editors and
 * admins do see them. An admin changes a ladder's required approvals in its Settings tab; a
 * comment's author edits it in place.
 */
describe('roles in the browser: write controls and ladder settings', () => {
  const app = useBrowserApp();
  let team: Team;
  /** Published twice (versions 1 and 2), so history has a version to restore. */
  let published: { slug: string; title: string };
  /** Never published: its page shows the live first draft (to reviewers, editors and admins). */
  let draft: { slug: string; title: string };
  /** Archived. */
  let archived: { slug: string; title: string };

  beforeAll(async () => {
    team = await createTeam(app.server.url);

    const content = testLadder(2, 2, 'Product Design');
    content.cells['L1:C1'] = docFromParagraphs('Designs flows with guidance.');
    const { slug } = await createPublishedLadder(team, content);
    const p2 = await startProposal(team.alice, slug, 'Own the flows', { open: true });
    await editLive(
      app.server.wsUrl,
      team.alice,
      slug,
      p2,
      (doc) => setCell(doc, 'L1', 'C1', docFromParagraphs('Designs whole flows on their own.')),
      (c) => cellText(c, 'L1', 'C1').startsWith('Designs whole'),
    );
    await approve(team.rita, slug, p2.number);
    await merge(team.alice, slug, p2.number);
    published = { slug, title: 'Product Design' };

    draft = {
      ...(await createLadder(team.alice, testLadder(2, 2, 'Research Drafts'))),
      title: 'Research Drafts',
    };
    const old = await createLadder(team.alice, testLadder(2, 2, 'Old Support Ladder'));
    await call(team.alice, 'POST', `/api/ladders/${old.slug}/archive`);
    archived = { slug: old.slug, title: 'Old Support Ladder' };
  });

  const signedIn = (session: Session) => app.signedIn(session);

  const ladderList = (page: Page) => page.getByRole('list', { name: 'Ladders' });
  const ladderLink = (page: Page, title: string) => ladderList(page).getByRole('link', { name: title });

  /** The controls of the ladder list that write, by what they say. */
  async function listWriteControls(page: Page): Promise<number> {
    const counts = await Promise.all([
      page.getByRole('button', { name: 'New ladder' }).count(),
      page.getByRole('link', { name: /^Import/ }).count(),
      page.getByRole('button', { name: /^(Archive|Unarchive)\b/ }).count(),
    ]);
    return counts.reduce((a, b) => a + b, 0);
  }

  it('offers a viewer no control that writes: ladder list, ladder page, history; no draft', async () => {
    const { page, errors } = await signedIn(team.vera);

    // The ladder list: the ladders, and nothing to create, import or archive.
    await ladderLink(page, published.title).waitFor();
    await ladderLink(page, draft.title).waitFor();
    expect(await listWriteControls(page)).toBe(0);
    await page.getByLabel('Show archived').check();
    await ladderLink(page, archived.title).waitFor();
    expect(await listWriteControls(page)).toBe(0);
    await page.getByLabel('Show archived').uncheck();
    await ladderList(page).getByRole('link', { name: archived.title }).waitFor({ state: 'detached' });

    // The ladder page: the published matrix; tabs without Proposals or Settings.
    await ladderLink(page, published.title).click();
    await page.getByRole('table', { name: 'Product Design, version 2' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Ladder sections' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual([
      'Published',
      'History',
      'Compare levels',
    ]);
    expect(await page.locator('[contenteditable="true"], .ProseMirror').count()).toBe(0);
    // Typing the settings address says whose it is, and offers nothing to change.
    await page.goto(`/ladders/${published.slug}/settings`);
    await page.getByRole('heading', { name: 'Ladder settings are for admins' }).waitFor();
    expect(await page.getByRole('spinbutton').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    // History: every version, and none to restore, in the table or on a version's page.
    await tabs.getByRole('link', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Published versions' });
    await history.locator('tr[data-version="1"]').waitFor();
    await history.locator('tr[data-version="2"]').waitFor();
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'View version 1' }).click();
    await page.getByRole('heading', { name: /^Version 1:/ }).waitFor();
    await page.locator('.old-version-note').waitFor();
    expect(await page.getByRole('button', { name: /Restore/ }).count()).toBe(0);

    // A ladder not published yet: viewers see published versions only, so its page says so and
    // shows nothing of the draft (issue 8; issue 3 once let viewers follow it live).
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`/ladders/${draft.slug}`);
    await page.getByRole('heading', { name: 'Not published yet' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.locator('.connection').count()).toBe(0);
    expect(sockets).toEqual([]);

    expect(errors).toEqual([]);
  });

  it('offers a reviewer proposals to read but none to start, and a live proposal that is read only', async () => {
    const { page, errors } = await signedIn(team.rita);
    await ladderLink(page, published.title).waitFor();
    expect(await listWriteControls(page)).toBe(0);

    await page.goto(`/ladders/${published.slug}/proposals?state=all`);
    await page.getByRole('list', { name: 'Proposals' }).locator('[data-proposal="2"]').waitFor();
    expect(await page.getByRole('button', { name: 'New proposal' }).count()).toBe(0);
    expect(
      await page.getByRole('navigation', { name: 'Ladder sections' }).getByRole('link').allTextContents(),
    ).toEqual(['Published', 'Proposals', 'History', 'Compare levels']);

    // Proposal #1 of the draft ladder is live: the reviewer reads it, comments, but can't edit.
    await page.goto(`/ladders/${draft.slug}/proposals/1`);
    const indicator = page.locator('.proposal-header .connection');
    await indicator.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    expect(await indicator.locator('.save-state').textContent()).toBe('Read only');
    await page.getByRole('link', { name: 'Document', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows editors and admins the controls a reader does not get', async () => {
    const { page, errors } = await signedIn(team.alice);
    await ladderLink(page, published.title).waitFor();
    await page.getByRole('button', { name: 'New ladder' }).waitFor();
    await page.getByRole('link', { name: 'Import', exact: true }).waitFor();
    await page.getByRole('button', { name: `Archive ${published.title}` }).waitFor();
    await page.getByLabel('Show archived').check();
    await page.getByRole('button', { name: `Unarchive ${archived.title}` }).waitFor();

    await page.goto(`/ladders/${published.slug}/history`);
    await page.getByRole('button', { name: 'Restore version 1' }).waitFor();
    await page.goto(`/ladders/${published.slug}/proposals`);
    await page.getByRole('heading', { name: 'No proposal in progress' }).waitFor();
    expect(await page.getByRole('button', { name: 'New proposal' }).count()).toBe(2); // header, empty state
    // An editor is no admin: no Settings tab.
    expect(
      await page.getByRole('navigation', { name: 'Ladder sections' }).getByRole('link').allTextContents(),
    ).toEqual(['Published', 'Proposals', 'History', 'Compare levels']);

    await page.goto(`/ladders/${draft.slug}`);
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('lets an admin change the approvals a ladder needs in its Settings tab', async () => {
    const { page, errors } = await signedIn(team.admin);
    await ladderLink(page, published.title).click();
    await page.getByRole('table', { name: 'Product Design, version 2' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Ladder sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.waitForURL(`**/ladders/${published.slug}/settings`);

    const field = page.getByLabel('Approvals required to publish');
    const save = page.getByRole('button', { name: 'Save' });
    const current = page.getByTestId('required-approvals');
    expect(await field.inputValue()).toBe('1');
    expect(await current.textContent()).toBe('Now: publishing needs 1 approval.');
    expect(await save.isDisabled()).toBe(true); // nothing changed yet

    // Out of range: said, and not sent.
    await field.fill('21');
    await page.getByRole('alert').filter({ hasText: 'At most 20.' }).waitFor();
    expect(await save.isDisabled()).toBe(true);

    await field.fill('2');
    await save.click();
    await page.getByRole('status').filter({ hasText: 'Saved: publishing now needs 2 approvals.' }).waitFor();
    expect(await current.textContent()).toBe('Now: publishing needs 2 approvals.');
    expect(await save.isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ladder-settings.png') });

    const res = await api(team.admin, 'GET', `/api/ladders/${published.slug}`);
    expect(res.status).toBe(200);
    const { ladder } = (await res.json()) as { ladder: { requiredApprovals: number } };
    expect(ladder.requiredApprovals).toBe(2);

    // It survives a reload, and everyone who reads proposals is told the new requirement.
    await page.reload();
    await expect.poll(() => field.inputValue()).toBe('2');
    await page
      .getByRole('navigation', { name: 'Ladder sections' })
      .getByRole('link', { name: 'Proposals' })
      .click();
    await page
      .getByTestId('required-approvals')
      .filter({ hasText: 'publishing needs 2 approvals' })
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('lets the author of a comment edit it; others see no Edit', async () => {
    // Rita (reviewer) comments on proposal #1 of the draft ladder.
    const commentsUrl = `/api/ladders/${draft.slug}/proposals/1/comments`;
    const { comment } = await call<{ comment: { id: number } }>(
      team.rita,
      'POST',
      commentsUrl,
      { body: 'Level 2 reads like level 1.' },
      201,
    );

    const rita = await signedIn(team.rita);
    await rita.page.goto(`/ladders/${draft.slug}/proposals/1`);
    const mine = rita.page.locator(`.comment[data-comment-id="${comment.id}"]`);
    await mine.getByText('Level 2 reads like level 1.').waitFor();
    await mine.getByRole('button', { name: 'Edit your comment' }).click();
    const box = mine.getByRole('textbox', { name: 'Edit your comment' });
    expect(await box.inputValue()).toBe('Level 2 reads like level 1.');
    await box.fill('Level 2 reads too much like level 1: say what changes.');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('Level 2 reads too much like level 1: say what changes.').waitFor();
    await mine.getByText('(edited)').waitFor();
    expect(await mine.getByRole('textbox').count()).toBe(0);
    const stored = await call<{ threads: { id: number; body: string; editedAt: string | null }[] }>(
      team.alice,
      'GET',
      commentsUrl,
    );
    const thread = stored.threads.find((t) => t.id === comment.id)!;
    expect(thread.body).toBe('Level 2 reads too much like level 1: say what changes.');
    expect(thread.editedAt).not.toBeNull();

    // An admin may delete anyone's comment but edits only their own.
    const admin = await signedIn(team.admin);
    await admin.page.goto(`/ladders/${draft.slug}/proposals/1`);
    const theirs = admin.page.locator(`.comment[data-comment-id="${comment.id}"]`);
    await theirs.getByText('Level 2 reads too much like level 1: say what changes.').waitFor();
    await theirs.getByRole('button', { name: /^Delete comment by Rita Reviewer/ }).waitFor();
    expect(await theirs.getByRole('button', { name: /Edit/ }).count()).toBe(0);

    expect(rita.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
