import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '@rungs/shared';
import type { Session } from '../helpers/auth.ts';
import { launchBrowser, signedInPage, VIEWPORTS, type Viewport } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createLadder, testLadder } from '../helpers/ladders.ts';
import { call, createPublishedLadder, createTeam, refused, type Team } from '../helpers/proposals.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * Smaller defects of the UI: an admin's own row in Users, deleted comments, the History changelog,
 * the column widths of Compare levels, and the first tab of a never-published ladder.
 */
describe('smaller defects in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let team: Team;
  /** Published once (version 1 from proposal #1), three levels. */
  let published: { slug: string };
  /** Never published: proposal #1 is its live first draft. */
  let draft: { slug: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    team = await createTeam(server.url);
    const content = testLadder(3, 3, 'Platform Engineering');
    content.cells['L1:C1'] = docFromParagraphs('Fixes bugs in one service with guidance.');
    content.cells['L2:C1'] = docFromParagraphs(
      'Fixes bugs across services on their own, and writes the tests that keep them fixed.',
    );
    content.cells['L2:C2'] = docFromParagraphs('Explains trade-offs of a design to the team.');
    published = await createPublishedLadder(team, content);
    draft = await createLadder(team.alice, testLadder(2, 2, 'Data Drafts'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function signedIn(session: Session, viewport: Viewport = VIEWPORTS.phone) {
    return signedInPage(browser, server.url, session.user.email, contexts, viewport);
  }

  /** Whether the ladder page's body (below the app header) is wider than the window. */
  async function overflowsSideways(page: Page, selector: string): Promise<boolean> {
    return page
      .locator(selector)
      .evaluate(
        (el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > window.innerWidth,
      );
  }

  it('offers an admin no role change or Disable on their own row, and says why', async () => {
    const { page, errors } = await signedIn(team.admin);
    await page.goto('/admin');
    const own = page.locator(`tr[data-user-email="${team.admin.user.email}"]`);
    const other = page.locator(`tr[data-user-email="${team.alice.user.email}"]`);
    await other.getByLabel('Role of Alice Editor').waitFor();
    await other.getByRole('button', { name: 'Disable Alice Editor' }).waitFor();

    await own.getByText('You', { exact: true }).waitFor();
    expect(await own.getByRole('combobox').count()).toBe(0);
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.textContent()).toContain('Admin');
    expect(await own.textContent()).toContain(
      'You cannot change your own role or disable your own account; another admin can.',
    );
    await own.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'smaller-admin-own-row.png') });
    expect(errors).toEqual([]);
  });

  it('shows a deleted comment as "Comment deleted" without Reply or Resolve, and the server refuses both', async () => {
    const comments = `/api/ladders/${draft.slug}/proposals/1/comments`;
    const post = async (session: Session, body: string, parentId?: number) =>
      (await call<{ comment: { id: number } }>(session, 'POST', comments, { body, parentId }, 201)).comment;
    const alone = await post(team.rita, 'A lone remark, soon deleted.');
    const answered = await post(team.rita, 'Level 2 reads like level 1.');
    const reply = await post(team.alice, 'Rewritten; see the new wording.', answered.id);
    const live = await post(team.rita, 'Competency 2 needs examples.');
    const lateReply = await post(team.alice, 'Added two; this reply goes away.', live.id);
    for (const id of [alone.id, answered.id])
      await call(team.rita, 'DELETE', `${comments}/${id}`, undefined, 204);
    await call(team.alice, 'DELETE', `${comments}/${lateReply.id}`, undefined, 204);

    // The server refuses to reply to a deleted comment, or to resolve its thread, and says why.
    const replying = await refused(team.alice, 'POST', comments, {
      body: 'Still here?',
      parentId: answered.id,
    });
    expect(replying).toEqual({
      status: 409,
      code: 'comment_deleted',
      message:
        'The comment you are replying to was deleted, so the thread takes no more replies; write a new comment instead.',
    });
    const resolving = await refused(team.alice, 'POST', `${comments}/${reply.id}/resolve`);
    expect(resolving).toEqual({
      status: 409,
      code: 'comment_deleted',
      message:
        "This thread's first comment was deleted, so it cannot be resolved; write a new comment instead.",
    });
    // A deleted thread with nothing left to read is not listed.
    const { threads } = await call<{ threads: { id: number }[] }>(team.alice, 'GET', comments);
    expect(threads.map((t) => t.id)).toEqual([answered.id, live.id]);

    const { page, errors } = await signedIn(team.alice);
    await page.goto(`/ladders/${draft.slug}/proposals/1`);
    const thread = (id: number) => page.locator(`.thread[data-thread-id="${id}"]`);
    await thread(live.id).getByText('Competency 2 needs examples.').waitFor();
    await thread(answered.id).getByText('Rewritten; see the new wording.').waitFor();

    // The deleted first comment: said so, its reply still readable, nothing to act on.
    const deletedRoot = thread(answered.id).locator(`.comment[data-comment-id="${answered.id}"]`);
    expect(await deletedRoot.locator('.comment-text').textContent()).toBe('Comment deleted');
    expect(
      await thread(answered.id)
        .getByRole('button', { name: /^(Reply|Resolve|Reopen)/ })
        .count(),
    ).toBe(0);
    // A deleted reply in a live thread: said so; the thread keeps its Reply and Resolve.
    const deletedReply = thread(live.id).locator(`.comment[data-comment-id="${lateReply.id}"]`);
    expect(await deletedReply.locator('.comment-text').textContent()).toBe('Comment deleted');
    expect(await deletedReply.getByRole('button').count()).toBe(0);
    await thread(live.id).getByRole('button', { name: 'Reply', exact: true }).waitFor();
    await thread(live.id)
      .getByRole('button', { name: /^Resolve/ })
      .waitFor();
    // The lone deleted comment is gone.
    expect(await thread(alone.id).count()).toBe(0);

    await thread(answered.id).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'smaller-deleted-comment.png') });
    expect(errors).toEqual([]);
  });

  it('puts the proposal link of a History changelog on its own line', async () => {
    const { page, errors } = await signedIn(team.alice);
    await page.goto(`/ladders/${published.slug}/history`);
    const changelog = page.locator('tr[data-version="1"] .changelog');
    const link = changelog.getByRole('link', { name: 'Proposal #1' });
    await link.waitFor();
    const title = await changelog.locator('strong').boundingBox();
    const linkBox = await link.boundingBox();
    expect(title && linkBox).toBeTruthy();
    expect(linkBox!.y).toBeGreaterThanOrEqual(title!.y + title!.height);
    expect(await changelog.innerText()).toMatch(/\n\s*Proposal #1$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'smaller-history.png') });
    expect(errors).toEqual([]);
  });

  it('keeps the competency column of Compare levels narrow and the level columns equal', async () => {
    async function widths(page: Page) {
      return page
        .locator('table.compare-table thead th')
        .evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
    }
    const desktop = await signedIn(team.alice, VIEWPORTS.desktop);
    await desktop.page.goto(`/ladders/${published.slug}/compare`);
    await desktop.page.locator('table.compare-table tbody tr').first().waitFor();
    const [competency, lower, higher] = await widths(desktop.page);
    const total = competency! + lower! + higher!;
    expect(competency! / total).toBeLessThan(0.25);
    expect(Math.abs(lower! - higher!)).toBeLessThanOrEqual(1);

    const { page, errors } = await signedIn(team.alice);
    await page.goto(`/ladders/${published.slug}/compare?lower=L1&higher=L2`);
    await page.locator('table.compare-table tbody tr').first().waitFor();
    const [c, l, h] = await widths(page);
    expect(c!).toBeLessThan(l!);
    expect(Math.abs(l! - h!)).toBeLessThanOrEqual(1);
    // At 390 px the table scrolls inside its own frame; the page does not scroll sideways.
    expect(await overflowsSideways(page, '.shell-body')).toBe(false);
    const frame = page.locator('.compare .table-wrap');
    expect(await frame.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await frame.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
      VIEWPORTS.phone.width,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'smaller-compare.png'), fullPage: true });
    expect(desktop.errors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('labels the first tab of a never-published ladder "First draft", not "Published"', async () => {
    const { page, errors } = await signedIn(team.alice);
    const tabs = page.getByRole('navigation', { name: 'Ladder sections' });
    await page.goto(`/ladders/${draft.slug}`);
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    const first = tabs.getByRole('link').first();
    expect(await first.textContent()).toBe('First draft, not published yet');
    expect(await first.getAttribute('aria-current')).toBe('page');
    expect(await tabs.getByRole('link', { name: 'Published', exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'smaller-first-draft-tab.png') });

    await page.goto(`/ladders/${published.slug}`);
    await page.getByRole('table', { name: 'Platform Engineering, version 1' }).waitFor();
    expect(await tabs.getByRole('link').first().textContent()).toBe('Published');
    expect(errors).toEqual([]);
  });

  it('opens one notifications stream per page, however many places show notifications', async () => {
    const { page, errors } = await signedIn(team.alice, VIEWPORTS.desktop);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // The ladder list shows them twice: the bell, and "Waiting for you" above the list.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    await page.getByRole('button', { name: /notifications/i }).waitFor();
    const streams = () => asked.filter((p) => p === '/api/notifications/stream').length;
    await expect.poll(streams).toBeGreaterThan(0);
    // A request the page makes after both would have opened: its event comes after theirs.
    await page.evaluate(() => fetch('/api/health?barrier'));
    await expect.poll(() => asked.includes('/api/health')).toBe(true);
    expect(streams()).toBe(1);
    expect(errors).toEqual([]);
  });
});
