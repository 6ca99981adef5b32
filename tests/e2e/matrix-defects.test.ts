import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { docFromParagraphs, type LadderContent } from '@rungs/shared';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { launchBrowser, signedInPage, VIEWPORTS, type Viewport } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { createLadderAs } from './ladder-fixture.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** Four competencies in two groups, three levels, some cells with text. */
function groupedLadder(title: string): LadderContent {
  const content = testLadder(3, 4, title);
  content.competencies = content.competencies.map((c, i) => ({ ...c, group: i < 2 ? 'Craft' : 'Delivery' }));
  content.cells['L1:C1'] = docFromParagraphs('alpha beta gamma');
  content.cells['L2:C1'] = docFromParagraphs('Designs features end to end.');
  return content;
}

/** Rungs issue 9: defects of the live matrix editor found by users (items 4, 2 and 5). */
describe('matrix editor defects', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let ada: Session;
  let grace: Session;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // PostgreSQL: the freshness test ages rows directly in the database.
    db = await createTestDatabase('postgres');
    server = await startServer({ databaseUrl: db.url });
    ada = await setupAdmin(server.url); // "Ada Admin"
    grace = await createUser(ada, 'editor', 'Grace Hopper');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function openLadder(
    session: Session,
    slug: string,
    viewport: Viewport = VIEWPORTS.desktop,
    route = '',
  ): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await signedInPage(browser, server.url, session.user.email, contexts, viewport);
    await page.goto(`/ladders/${slug}${route}`);
    await page.getByRole('table', { name: 'Ladder matrix' }).waitFor();
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    return { page, errors };
  }

  const cell = (page: Page, name: string) => page.locator(`[data-fragment="${name}"]`);
  const editorText = (page: Page, name: string) => cell(page, name).locator('.ProseMirror').textContent();

  it('a: keys pressed right after a click in a cell apply at the caret once the editor is ready', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect A'));
    const { page, errors } = await openLadder(ada, slug);
    const target = cell(page, 'cell:L1:C1');
    // Click in the middle of "beta" and press Ctrl+Home and a key at once, without waiting.
    const point = await target.locator('.rt-static p').evaluate((p) => {
      const text = p.firstChild!;
      const range = document.createRange();
      range.setStart(text, 8);
      range.setEnd(text, 9);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    // A busy machine: the editor takes a while to mount after the click.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.mouse.click(point.x, point.y);
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('X');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => editorText(page, 'cell:L1:C1')).toBe('Xalpha beta gamma');
    expect(errors).toEqual([]);
  });

  it('d: typing a character on a focused cell starts editing with that character', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect D'));
    const { page, errors } = await openLadder(ada, slug);
    await cell(page, 'cell:L2:C1').locator('.rt-static').focus();
    await page.keyboard.type('!');
    await expect.poll(() => editorText(page, 'cell:L2:C1')).toBe('Designs features end to end.!');
    await page.keyboard.type('?');
    await expect.poll(() => editorText(page, 'cell:L2:C1')).toBe('Designs features end to end.!?');
    expect(errors).toEqual([]);
  });

  it('b: a remote caret name label does not stay over the text', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect B'));
    const a = await openLadder(ada, slug);
    const b = await openLadder(grace, slug);
    await cell(a.page, 'cell:L2:C1').locator('.rt-static').click();
    await cell(a.page, 'cell:L2:C1').locator('.ProseMirror').waitFor();
    await cell(b.page, 'cell:L2:C1').locator('.rt-static').focus();
    await b.page.keyboard.press('Enter');
    await cell(b.page, 'cell:L2:C1').locator('.ProseMirror').waitFor();
    await b.page.keyboard.press('Control+Home');
    const label = a.page.locator('.collaboration-carets__label', { hasText: 'Grace Hopper' });
    await label.waitFor({ state: 'attached' });
    // It never takes the pointer, and it is gone after a moment.
    // Polled: the caret widget is redrawn as carets move, and a label just replaced has no style.
    await expect.poll(() => label.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await expect
      .poll(() => label.evaluate((el) => getComputedStyle(el).visibility), { timeout: 15_000 })
      .toBe('hidden');
    expect(a.errors).toEqual([]);
  });

  it('c: moving a competency over a group boundary puts it in the group where it lands', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect C'));
    const { page, errors } = await openLadder(ada, slug);
    const groups = () => page.locator('.group-label').allTextContents();
    expect(await groups()).toEqual(['Craft', 'Delivery']);
    await page.getByRole('button', { name: 'Move Competency 2 down' }).click();
    await expect
      .poll(() =>
        page.locator('.competency-row').evaluateAll((rows) => rows.map((r) => r.dataset.competencyId)),
      )
      .toEqual(['C1', 'C2', 'C3', 'C4']);
    await expect.poll(groups).toEqual(['Craft', 'Delivery']);
    // C2 now heads Delivery: the group row sits above it.
    const firstOfDelivery = await page
      .locator('.group-row', { hasText: 'Delivery' })
      .evaluate((row) => (row.nextElementSibling as HTMLElement).dataset.competencyId);
    expect(firstOfDelivery).toBe('C2');
    await page.getByRole('button', { name: 'Move Competency 2 down' }).click();
    await expect
      .poll(() =>
        page.locator('.competency-row').evaluateAll((rows) => rows.map((r) => r.dataset.competencyId)),
      )
      .toEqual(['C1', 'C3', 'C2', 'C4']);
    expect(await groups()).toEqual(['Craft', 'Delivery']);
    expect(errors).toEqual([]);
  });

  it('e: an inline level rename not committed yet makes leaving the page ask first', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect E'));
    const { page, errors } = await openLadder(ada, slug);
    const leaveIsStopped = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await page.getByRole('button', { name: 'Level code: T1. Edit' }).click();
    const input = page.getByRole('textbox', { name: 'Level code' });
    await input.fill('IC1');
    expect(await leaveIsStopped()).toBe(true);
    await input.press('Enter');
    await page.getByRole('button', { name: 'Level code: IC1. Edit' }).waitFor();
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    expect(await leaveIsStopped()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('f: the ladder list shows when the draft was last edited', async () => {
    const { slug, draftDocument } = await createLadderAs(ada, groupedLadder('Defect F'));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const earlier = new Date(Date.now() - 3 * 3600_000).toISOString();
      await client.query('update ladders set created_at = $1, updated_at = $1 where slug = $2', [
        earlier,
        slug,
      ]);
      await client.query('update doc_updates set created_at = $1 where document_name = $2', [
        earlier,
        draftDocument,
      ]);
    } finally {
      await client.end();
    }
    const { page, errors } = await openLadder(ada, slug);
    const updated = () => page.locator('.ladder-item', { hasText: 'Defect F' }).locator('.ladder-meta');
    await page.goto('/');
    await expect.poll(() => updated().textContent()).toContain('Updated 3 hours ago');

    await page.goto(`/ladders/${slug}`);
    await cell(page, 'cell:L3:C4').locator('.rt-static').click();
    await cell(page, 'cell:L3:C4').locator('.ProseMirror').waitFor();
    await page.keyboard.type('Ships on time.');
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await page.keyboard.press('Escape');
    await page.goto('/');
    await expect.poll(() => updated().textContent()).not.toContain('hours ago');
    expect(errors).toEqual([]);
  });

  it('g: at 390 px the matrix scrolls in its own frame with a narrow sticky competency column', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect G'));
    const { page, errors } = await openLadder(ada, slug, VIEWPORTS.phone);
    // The matrix frame ends inside the window: its columns scroll within it, not the page.
    const frameRight = () =>
      page.locator('.matrix-scroller').evaluate((el) => el.getBoundingClientRect().right);
    expect(await frameRight()).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    const header = page.locator('[data-competency-id="C1"] th.competency-header');
    const width = (await header.boundingBox())!.width;
    expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width * 0.35);
    await page.screenshot({ path: path.join(ARTIFACTS, 'matrix-phone.png') });

    const scroller = page.locator('.matrix-scroller');
    const before = (await header.boundingBox())!.x;
    await scroller.evaluate((el) => el.scrollBy({ left: 300 }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect((await header.boundingBox())!.x).toBeCloseTo(before, 0);
    expect(await frameRight()).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await page.screenshot({ path: path.join(ARTIFACTS, 'matrix-phone-scrolled.png') });
    expect(errors).toEqual([]);
  });

  it('h: the proposal page matrix is accessible: names, one tab stop, a skip link, no axe violations', async () => {
    const { slug } = await createLadderAs(ada, groupedLadder('Defect H'));
    const { page, errors } = await openLadder(ada, slug, VIEWPORTS.phone, '/proposals/1');

    // The cell's accessible name holds its visible text; what it is comes as its description.
    const filled = page.getByRole('button', { name: 'Designs features end to end.' });
    await filled.waitFor();
    expect(await filled.getAttribute('aria-label')).toBeNull();
    const description = await filled.evaluate((el) =>
      document.getElementById(el.getAttribute('aria-describedby')!)?.textContent?.trim(),
    );
    expect(description).toBe('Edit Competency 1 at T2');

    // The whole matrix is one tab stop; arrow keys move inside it.
    const tabStops = await page
      .locator('.matrix')
      .evaluate(
        (table) =>
          [...table.querySelectorAll<HTMLElement>('button, a[href], [tabindex]')].filter(
            (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
          ).length,
      );
    expect(tabStops).toBe(1);
    await filled.focus();
    // Right goes through the cell's comment button, then to the next cell.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement
            ?.closest('td')
            ?.querySelector('[data-fragment]')
            ?.getAttribute('data-fragment'),
        ),
      )
      .toBe('cell:L2:C1');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-fragment]')?.getAttribute('data-fragment'),
        ),
      )
      .toBe('cell:L3:C1');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-fragment]')?.getAttribute('data-fragment'),
        ),
      )
      .toBe('cell:L3:C2');
    // Tab leaves the matrix at once.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.matrix'))).toBe(false);

    // "Skip to side panel" comes before the matrix, shows when focused and leads to the panel.
    const skip = page.getByRole('link', { name: 'Skip to side panel' });
    await skip.focus();
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'matrix-skip-link-phone.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('proposal-panel');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#proposal-panel'))).toBe(true);

    const results = await new AxeBuilder({ page })
      .include('.matrix-scroller')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    const headers = await new AxeBuilder({ page })
      .include('.matrix-scroller')
      .withRules(['empty-table-header', 'label-content-name-mismatch'])
      .analyze();
    expect(headers.violations.map((v) => v.id)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
