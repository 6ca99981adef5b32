import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { launchBrowser, signedInPage } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { cellText, fetchContent, testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadderAs } from './ladder-fixture.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * Issue 3, acceptance 4: an editor edits; a reviewer, signed in through the sign-in form in another
 * browser, follows the edits live but can't type anywhere, and the page says why. Issue 8: a
 * viewer sees published versions only, so the same unpublished ladder shows "Not published yet"
 * and opens no live connection.
 */
describe('roles in the browser: a reviewer follows an editor read-only; a viewer waits for publication', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let admin: Session;
  let editor: Session;
  let reviewer: Session;
  let viewer: Session;
  let ladder: { slug: string; draftDocument: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    admin = await setupAdmin(server.url);
    editor = await createUser(admin, 'editor', 'Grace Hopper');
    reviewer = await createUser(admin, 'reviewer', 'Rita Reviewer');
    viewer = await createUser(admin, 'viewer', 'Vera Viewer');
    ladder = await createLadderAs(editor, testLadder(3, 4, 'Platform Engineering'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  /** A fresh browser profile, signed in through the sign-in form, on the ladder. */
  async function openLadderAs(session: Session): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await signedInPage(browser, server.url, session.user.email, contexts);
    await page.goto(`/ladders/${ladder.slug}`);
    await page.getByRole('table', { name: 'Ladder matrix' }).waitFor();
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    return { page, errors };
  }

  const cell = (page: Page, name: string) => page.locator(`[data-fragment="${name}"]`);

  it('shows the editor’s changes live to the reviewer, who cannot type and is told so', async () => {
    const target = 'cell:L2:C1';
    const ed = await openLadderAs(editor);
    const readOnlyNotice = (page: Page) => page.getByRole('note').filter({ hasText: 'Read only' });
    expect(await readOnlyNotice(ed.page).count()).toBe(0); // an editor gets no read-only notice

    // The editor writes into a cell before the reviewer arrives…
    await cell(ed.page, target).locator('.rt-static').click();
    await cell(ed.page, target).locator('.ProseMirror[contenteditable="true"]').waitFor();
    await ed.page.keyboard.type('Owns the design of a service.');
    await ed.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();

    // …and the reviewer signs in through the form in another browser and opens the same ladder.
    const vw = await openLadderAs(reviewer);
    await expect.poll(() => cell(vw.page, target).textContent()).toContain('Owns the design of a service.');

    // The page says it is read-only and why.
    const notice = readOnlyNotice(vw.page);
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Read only — your role (reviewer) can't edit");

    // Presence shows real account names on both sides.
    await vw.page.locator('.presence-person[data-peer-name="Grace Hopper"]').waitFor();
    await ed.page.locator('.presence-person[data-peer-name="Rita Reviewer"]').waitFor();

    // The editor keeps typing: the reviewer sees it live, with the editor shown in the cell.
    await ed.page.keyboard.type(' Reviews designs across teams.');
    await expect
      .poll(() => cell(vw.page, target).textContent())
      .toContain('Owns the design of a service. Reviews designs across teams.');
    await cell(vw.page, target).locator('.peer-badge', { hasText: 'Grace Hopper' }).waitFor();

    // The reviewer tries every way into the cell: click, double-click, Enter, F2, then types.
    const before = await cell(vw.page, target).textContent();
    const staticCell = cell(vw.page, target).locator('.rt-static');
    await staticCell.click();
    await staticCell.dblclick();
    await staticCell.focus();
    await vw.page.keyboard.press('Enter');
    await vw.page.keyboard.press('F2');
    await vw.page.keyboard.type('XYZ reviewer text');
    // Another cell, the level summary and the ladder description: no editor opens anywhere.
    await cell(vw.page, 'cell:L1:C3').locator('.rt-static').click();
    await cell(vw.page, 'summary:L1').locator('.rt-static').click();
    await vw.page.keyboard.type('more reviewer text');

    expect(await vw.page.locator('.ProseMirror').count()).toBe(0);
    expect(await vw.page.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await vw.page.locator('.ladder-header, .matrix-scroller').locator('input, textarea').count()).toBe(
      0,
    );
    expect(await cell(vw.page, target).textContent()).toBe(before);
    // Structure can't be changed: no buttons in the matrix (add, move, remove, group).
    expect(await vw.page.locator('.matrix-scroller').getByRole('button').count()).toBe(0);
    expect(await vw.page.getByRole('button', { name: /\+ (Level|Competency)/ }).count()).toBe(0);

    // The editor writes once more; once the reviewer sees it, both hold the same text and the
    // server stored exactly the editor's words.
    await ed.page.keyboard.type(' Mentors.');
    await ed.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await expect.poll(() => cell(vw.page, target).textContent()).toContain('Mentors.');
    const text = (page: Page) => cell(page, target).locator('.rich-text').textContent();
    expect(await text(vw.page)).toBe(await text(ed.page));
    const stored = await fetchContent(editor, ladder.draftDocument);
    expect(cellText(stored, 'L2', 'C1')).toBe(
      'Owns the design of a service. Reviews designs across teams. Mentors.',
    );
    expect(JSON.stringify(stored)).not.toContain('reviewer text');

    await vw.page.screenshot({ path: path.join(ARTIFACTS, 'reviewer-readonly.png') });
    expect(ed.errors).toEqual([]);
    expect(vw.errors).toEqual([]);
  });

  it('shows a viewer that the ladder is not published yet, with none of its draft', async () => {
    const { page, errors } = await signedInPage(browser, server.url, viewer.user.email, contexts);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`/ladders/${ladder.slug}`);
    const empty = page.locator('.state-empty', {
      has: page.getByRole('heading', { name: 'Not published yet' }),
    });
    await empty.waitFor();
    expect(await empty.textContent()).toContain('It appears here once it is published.');
    expect(await page.locator('.shell-version').textContent()).toBe('Not published yet');
    // Nothing of the draft: no matrix, none of the editor's words, no live connection.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Owns the design of a service.');
    expect(sockets).toEqual([]);

    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-not-published.png') });
    expect(errors).toEqual([]);
  });
});
