import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { launchBrowser, signedInPage } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadderAs } from './ladder-fixture.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** Issue 2, acceptance 4: two people edit the same ladder live and see each other. */
describe('live co-editing in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let ada: Session;
  let grace: Session;
  let slug: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    ada = await setupAdmin(server.url); // "Ada Admin"
    grace = await createUser(ada, 'editor', 'Grace Hopper');
    ({ slug } = await createLadderAs(ada, testLadder(3, 4, 'Platform Engineering')));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function openAs(session: Session): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await signedInPage(browser, server.url, session.user.email, contexts);
    await page.goto(`/ladders/${slug}`);
    await page.getByRole('table', { name: 'Ladder matrix' }).waitFor();
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    return { page, errors };
  }

  const cell = (page: Page, name: string) => page.locator(`[data-fragment="${name}"]`);

  it('shows text typed in one browser in the other, with presence on both sides', async () => {
    const a = await openAs(ada);
    const b = await openAs(grace);

    // Each sees the other in the presence bar, by name.
    await a.page.locator('.presence-person[data-peer-name="Grace Hopper"]').waitFor();
    await b.page.locator('.presence-person[data-peer-name="Ada Admin"]').waitFor();

    // Ada edits a cell: exactly one editor mounts, in that cell.
    const target = 'cell:L2:C1';
    await cell(a.page, target).locator('.rt-static').click();
    const editorA = cell(a.page, target).locator('.ProseMirror');
    await editorA.waitFor();
    expect(await a.page.locator('.ProseMirror').count()).toBe(1);
    await a.page.keyboard.type('Designs services other teams build on.');

    // Grace sees the text in her (static) view of the cell, and that Ada is in it.
    await expect
      .poll(() => cell(b.page, target).textContent())
      .toContain('Designs services other teams build on.');
    await cell(b.page, target).locator('.peer-badge', { hasText: 'Ada Admin' }).waitFor();
    expect(await b.page.locator('.ProseMirror').count()).toBe(0);

    // Grace joins the same cell from the keyboard (Enter puts the caret at the end) and adds a
    // paragraph; Ada sees it and Grace's caret, Grace sees Ada's.
    await cell(b.page, target).locator('.rt-static').focus();
    await b.page.keyboard.press('Enter');
    const editorB = cell(b.page, target).locator('.ProseMirror');
    await editorB.waitFor();
    await b.page.keyboard.press('Enter');
    await b.page.keyboard.type('Reviews designs across the org.');
    await expect.poll(() => editorA.textContent()).toContain('Reviews designs across the org.');
    // Name labels fade out after a moment (so they never hide text): attached is enough.
    await a.page
      .locator('.collaboration-carets__label', { hasText: 'Grace Hopper' })
      .waitFor({ state: 'attached' });
    await b.page
      .locator('.collaboration-carets__label', { hasText: 'Ada Admin' })
      .waitFor({ state: 'attached' });

    // Both edits are stored: the server acknowledged them.
    await a.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await b.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();

    await a.page.screenshot({ path: path.join(ARTIFACTS, 'editor.png') });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('says "Saving…" only for edits that stay unstored a while, not twice per keystroke', async () => {
    const a = await openAs(ada);
    await cell(a.page, 'cell:L3:C2').locator('.rt-static').click();
    await cell(a.page, 'cell:L3:C2').locator('.ProseMirror').waitFor();
    await a.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    // Every label the status (a live region: a screen reader reads each one out) goes through.
    await a.page.evaluate(() => {
      const labels: string[] = [];
      (window as unknown as { __labels: string[] }).__labels = labels;
      const status = document.querySelector('.save-state')!;
      new MutationObserver(() => labels.push(status.textContent ?? '')).observe(status, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    const typed = ' Owns the on-call rotation.';
    await a.page.keyboard.type(typed, { delay: 20 });
    await expect.poll(() => cell(a.page, 'cell:L3:C2').textContent()).toContain(typed);
    // Everything typed is stored (the exact state, which the label follows only after a second).
    await a.page.waitForFunction(
      () => document.querySelector('.connection')?.getAttribute('data-saved') === 'true',
    );
    const labels = await a.page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
    // Each keystroke is unstored for a moment; the label changes only when that lasts a second
    // (a slow machine might show "Saving…" once or twice while typing), never per key.
    expect(labels.length).toBeLessThanOrEqual(6);
    expect(await a.page.locator('.save-state').textContent()).toBe('All changes saved');
    expect(a.errors).toEqual([]);
  });
});
