import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromBullets } from '@rungs/shared';
import { setupAdmin, type Session } from '../helpers/auth.ts';
import { collectPageErrors, launchBrowser, newContext, signIn } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadderAs } from './ladder-fixture.ts';

const LEVELS = 20;
const COMPETENCIES = 40;

/** Issue 2, acceptance 5: a 20 × 40 ladder opens without mounting an editor per cell. */
describe('a large ladder in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let admin: Session;
  let slug: string;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    admin = await setupAdmin(server.url);
    const content = testLadder(LEVELS, COMPETENCIES, 'Large ladder');
    for (const level of content.levels) {
      for (const competency of content.competencies) {
        content.cells[`${level.id}:${competency.id}`] = docFromBullets([
          `${competency.name} at ${level.code}: owns outcomes of growing scope.`,
          'Explains trade-offs and brings others along.',
        ]);
      }
    }
    ({ slug } = await createLadderAs(admin, content));
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('renders all 800 cells statically and mounts one editor only when a cell is focused', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, admin.user.email);
    await page.goto(`/ladders/${slug}`);
    await page.getByRole('table', { name: 'Ladder matrix' }).waitFor();

    const cells = page.locator('td.cell [data-fragment^="cell:"]');
    await expect.poll(() => cells.count()).toBe(LEVELS * COMPETENCIES);
    // Every cell shows its text, rendered without an editor.
    await expect
      .poll(() => page.locator('td.cell [data-fragment^="cell:"] li').count())
      .toBe(LEVELS * COMPETENCIES * 2);
    expect(await page.evaluate(() => document.querySelectorAll('.ProseMirror').length)).toBe(0);

    // Scroll to the far corner: still nothing mounted.
    const last = page.locator(`[data-fragment="cell:L${LEVELS}:C${COMPETENCIES}"] .rt-static`);
    await last.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.querySelectorAll('.ProseMirror').length)).toBe(0);

    // Focusing one cell mounts exactly one editor, in that cell.
    await last.click();
    await page.locator(`[data-fragment="cell:L${LEVELS}:C${COMPETENCIES}"] .ProseMirror`).waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('.ProseMirror').length)).toBe(1);

    // Moving to another cell swaps the editor rather than adding one.
    await page.locator('[data-fragment="cell:L1:C1"] .rt-static').click();
    await page.locator('[data-fragment="cell:L1:C1"] .ProseMirror').waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('.ProseMirror').length)).toBe(1);

    // Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.ProseMirror').length)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('asks for its first reads from <head>, before the bundle runs, and once each', async () => {
    const fresh = await newContext(browser, server.url);
    const page = await fresh.newPage();
    const errors = collectPageErrors(page);
    const console: string[] = [];
    page.on('console', (m) => m.type() === 'error' && console.push(m.text()));
    await signIn(page, admin.user.email);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`/ladders/${slug}`);
    const cells = page.locator('td.cell [data-fragment^="cell:"]');
    await expect.poll(() => cells.count()).toBe(LEVELS * COMPETENCIES);
    const api = asked.filter((p) => p.startsWith('/api/') && p !== '/api/notifications/stream');
    for (const read of ['/api/session', `/api/ladders/${slug}`, `/api/ladders/${slug}/versions`])
      expect(
        api.filter((p) => p === read),
        read,
      ).toHaveLength(1);
    // Started by the script in <head>, while the page was still being parsed: the app's bundle (a
    // module script, deferred) runs only once parsing is done (domInteractive).
    const startedBeforeTheApp = await page.evaluate((path) => {
      const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domInteractive;
      const read = performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname === path) as PerformanceResourceTiming;
      return read.startTime < parsed;
    }, `/api/ladders/${slug}`);
    expect(startedBeforeTheApp).toBe(true);
    expect(console.filter((t) => /Content Security Policy|Refused/i.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await fresh.close();
  });
});
