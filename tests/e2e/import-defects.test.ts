import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { collectPageErrors, launchBrowser, newContext, signIn, VIEWPORTS } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** Competencies as rows with their group in a second column, levels as columns. */
const WIDE_CSV = `Competency,Group,"D1 Developer","D2 Senior Developer"
Testing,Craft,Writes tests for each change,Designs the test strategy
Code review,Craft,Reviews teammates' code,Mentors reviewers
Delivery,Impact,Ships tasks,Ships projects
`;

const GOOD_MARKDOWN = `# Support ladder

## S1 — Support Engineer

### Empathy

- Answers every ticket kindly.

## S2 — Senior Support Engineer

### Empathy

- Coaches others on hard conversations.
`;

/** A CSV whose third line has a cell too many: the error quotes that line. */
const RAGGED_CSV = `Level,Delivery,Craft
L1,Ships small changes,Writes clear code
L2,Leads projects,Reviews designs,An extra cell nobody asked for
`;

/** Levels with labelled paragraphs but no competency headings: everything lands in “Expectations”. */
const LABELLED_MARKDOWN = `# Platform ladder

## L1 Engineer

Technical skills:

Writes well-tested code for one service.

Collaboration:

Asks for reviews early.

## L2 Senior Engineer

**Technical skills:** Designs services other teams build on.

**Collaboration:** Leads reviews across teams.
`;

const emptyDoc = { type: 'doc', content: [{ type: 'paragraph' }] };
const text = (t: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }],
});

/** Issue 9, items 3 and 6: import and export defects, in the browser. */
describe('import and export defects', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let editor: Session;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    const admin = await setupAdmin(server.url);
    editor = await createUser(admin, 'editor', 'Erin Editor');
    browser = await launchBrowser();
    context = await newContext(browser, server.url, VIEWPORTS.phone);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function openWizard(page: Page): Promise<void> {
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Import a ladder', level: 1 }).waitFor();
  }

  async function previewPasted(page: Page, document: string): Promise<void> {
    await page.getByLabel('Or paste the document').fill(document);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
  }

  it('reads a Group column as competency groups, not as a level', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, editor.user.email);
    await openWizard(page);
    await page.getByLabel('Ladder file').setInputFiles({
      name: 'wide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(WIDE_CSV),
    });
    const preview = page.getByRole('table', { name: 'Imported ladder preview' });
    await preview.waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '2 levels · 3 competencies · 6 filled cells',
    );
    const levelHeaders = preview.locator('thead th.level-header');
    expect(await levelHeaders.count()).toBe(2);
    expect(await levelHeaders.allTextContents()).not.toContainEqual(expect.stringContaining('Group'));
    expect(await preview.locator('tr.group-row').allTextContents()).toEqual(['Craft', 'Impact']);
    await preview.locator('tr.group-row').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-defects-groups-390.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after “Choose another document”, an error quotes the new document', async () => {
    const page = await context.newPage();
    await openWizard(page);
    await previewPasted(page, GOOD_MARKDOWN);
    await page.getByRole('table', { name: 'Imported ladder preview' }).waitFor();
    await page.getByRole('button', { name: /Choose another document/ }).click();
    await page.getByLabel('Or paste the document').waitFor();
    await previewPasted(page, RAGGED_CSV);
    const problem = page.getByRole('alert').filter({ hasText: 'can’t be imported' });
    await problem.waitFor();
    await problem.getByText('Line 3', { exact: true }).waitFor();
    expect(await problem.locator('.import-line-text').textContent()).toBe(
      'L2,Leads projects,Reviews designs,An extra cell nobody asked for',
    );
    await page.close();
  });

  it('splits one “Expectations” competency into its labelled sections', async () => {
    const page = await context.newPage();
    await openWizard(page);
    await previewPasted(page, LABELLED_MARKDOWN);
    const preview = page.getByRole('table', { name: 'Imported ladder preview' });
    await preview.waitFor();
    const names = preview.locator('tbody .competency-name');
    expect(await names.allTextContents()).toEqual(['Expectations']);
    await page
      .getByRole('button', { name: 'Split competency Expectations into Technical skills, Collaboration' })
      .click();
    await expect.poll(() => names.allTextContents()).toEqual(['Technical skills', 'Collaboration']);
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '2 levels · 2 competencies · 4 filled cells',
    );
    const collaboration = preview.locator('tr.competency-row').nth(1).locator('td.cell');
    expect(await collaboration.nth(1).textContent()).toBe('Leads reviews across teams.');
    await preview.locator('tr.competency-row').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-defects-split-390.png') });
    await page.close();
  });

  it('downloads HTML without empty competency boxes and CSV with the level summaries', async () => {
    const preview = await api(editor, 'POST', '/api/imports/preview', { text: GOOD_MARKDOWN });
    expect(preview.status).toBe(200);
    const { content } = (await preview.json()) as {
      content: { competencies: Array<{ description: unknown }>; levels: Array<{ summary: unknown }> };
    };
    // As the editor leaves them: empty descriptions are one empty paragraph.
    for (const c of content.competencies) c.description = emptyDoc;
    content.levels[0]!.summary = text('Works the support queue with a mentor.');
    const created = await api(editor, 'POST', '/api/ladders', {
      title: 'Support',
      content: { ...content, title: 'Support' },
    });
    expect(created.status).toBe(201);
    const { ladder } = (await created.json()) as { ladder: { slug: string } };

    const page = await context.newPage();
    await page.goto(`/ladders/${ladder.slug}`);
    await page.getByRole('table', { name: 'Ladder matrix' }).waitFor();
    const download = async (format: RegExp) => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const menu = page.getByRole('menu', { name: 'Export' });
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        menu.getByRole('menuitem', { name: format }).click(),
      ]);
      return fs.readFileSync(await file.path(), 'utf8');
    };
    const html = await download(/HTML page/);
    expect(html).not.toContain('<h2>Competencies</h2>');
    expect(html).not.toMatch(/<section class="competency"><h4>[^<]*<\/h4>\s*(<p><\/p>)?\s*<\/section>/);
    expect(html).toContain('Answers every ticket kindly.');
    const csv = await download(/CSV/);
    expect(csv).toContain('S1,Support Engineer,,,Works the support queue with a mentor.');
    await page.close();
  });
});
