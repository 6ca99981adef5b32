import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupAdmin, type Session } from '../helpers/auth.ts';
import { launchBrowser, signedInPage } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadderAs } from './ladder-fixture.ts';

/** Issue 8: a change over the message limit is explained in the editor, without a reconnect loop. */
describe('a change too large to save', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let ada: Session;
  let slug: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url, env: { RUNGS_MAX_MESSAGE_BYTES: String(256 * 1024) } });
    ada = await setupAdmin(server.url);
    ({ slug } = await createLadderAs(ada, testLadder(2, 2, 'Limits')));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('says how large the change was and what the limit is, and stops reconnecting', async () => {
    const { page } = await signedInPage(browser, server.url, ada.user.email, contexts);
    let sockets = 0;
    page.on('websocket', (ws) => {
      if (ws.url().includes('/collab/')) sockets++;
    });
    await page.goto(`/ladders/${slug}`);
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    const cell = page.locator('[data-fragment="cell:L1:C1"]');
    await cell.locator('.rt-static').click();
    await cell.locator('.ProseMirror').waitFor();
    const socketsBefore = sockets;
    await page.keyboard.insertText('x'.repeat(400 * 1024));

    const refused = page.locator('.save-state.is-refused');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toMatch(
      /^Your last change is too large to save \(0\.4 MB; the limit is 0\.3 MB\)\. Undo it or split the text\.$/,
    );
    expect(await refused.getAttribute('data-close-code')).toBe('1009');
    // The provider gave up (the banner appears only then), and says what to do: no socket was opened again.
    await page
      .getByRole('alert')
      .filter({ hasText: 'reload the page to continue from the saved version' })
      .waitFor();
    await page.locator('.connection-state', { hasText: 'Disconnected' }).waitFor();
    expect(sockets).toBe(socketsBefore);
  });
});
