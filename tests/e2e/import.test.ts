import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathologicalShapes } from '@rungs/shared/import/testing/pathological';
import { api, createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { collectPageErrors, launchBrowser, newContext, signIn } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** Two levels × three competencies, as a team would keep it in a Markdown file. */
const LADDER_MARKDOWN = `# Data Engineering ladder

## DE1 — Data Engineer

Builds reliable pipelines with guidance from the team.

### Delivery

- Ships well-tested pipeline changes every sprint.
- Flags data-quality risks before they reach a dashboard.

### Collaboration

- Pairs with analysts to understand the question behind a request.

### Craft

- Writes clear SQL that teammates can review in minutes.

## DE2 — Senior Data Engineer

Owns a data domain end to end.

### Delivery

- Plans a quarter of work for a domain and delivers it.

### Collaboration

- Mentors two engineers through their first on-call rotation.

### Craft

- Designs schemas that survive a year of product change.
`;

/** A spreadsheet export: levels as rows, competencies as columns. */
const LADDER_CSV = `Level,Delivery,Collaboration,Craft
L1 Engineer,Ships small changes safely.,Asks for review early.,Writes readable code.
L2 Senior Engineer,Leads a project to completion.,Mentors new joiners.,Designs services that last.
L3 Staff Engineer,Sets direction for a product area.,Grows other leaders.,Chooses the architecture of a system.
`;

/** Not a ladder in any format: prose with no headings and no table. */
const GARBAGE = `Meeting notes, Tuesday.
Coffee machine is broken again; someone should call the vendor.
Remember to book the room for Friday.`;

async function ladderCount(session: Session): Promise<number> {
  const res = await api(session, 'GET', '/api/ladders');
  expect(res.status).toBe(200);
  return ((await res.json()) as { ladders: unknown[] }).ladders.length;
}

/** Issue 5, acceptance 4: paste a document into the import wizard, preview and fix it, create it, open it. */
describe('the import wizard and the export menu in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let editor: Session;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    // A short import budget, so the over-budget test below is quick and does not depend on how slow
    // the parser is on its input (only on it taking far longer than this).
    server = await startServer({ databaseUrl: db.url, env: { RUNGS_IMPORT_TIMEOUT_MS: '1500' } });
    const admin = await setupAdmin(server.url);
    editor = await createUser(admin, 'editor', 'Erin Editor');
    browser = await launchBrowser();
    context = await newContext(browser, server.url);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function openWizard(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import a ladder', level: 1 }).waitFor();
  }

  it('previews a pasted Markdown ladder, renames a level, creates the ladder and opens it', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, editor.user.email);
    await openWizard(page);

    await page.getByLabel('Or paste the document').fill(LADDER_MARKDOWN);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-source.png') });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    // The preview: detected format and layout, the counts, levels as columns, competencies as rows.
    const preview = page.getByRole('table', { name: 'Imported ladder preview' });
    await preview.waitFor();
    expect(page.url()).toMatch(/\/import\?step=preview$/);
    expect(await page.getByTestId('import-format').textContent()).toBe('Markdown');
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '2 levels · 3 competencies · 6 filled cells',
    );
    expect(await page.getByLabel('Read the document as').inputValue()).toBe('markdown');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Data Engineering ladder');
    const levelHeaders = preview.locator('thead th.level-header');
    expect(await levelHeaders.count()).toBe(2);
    expect(await levelHeaders.nth(0).textContent()).toContain('Data Engineer');
    expect(await levelHeaders.nth(1).textContent()).toContain('Senior Data Engineer');
    const competencyNames = preview.locator('tbody .competency-name');
    expect(await competencyNames.allTextContents()).toEqual(['Delivery', 'Collaboration', 'Craft']);
    const firstRowCells = preview.locator('tr.competency-row').first().locator('td.cell');
    expect(await firstRowCells.nth(0).textContent()).toContain(
      'Ships well-tested pipeline changes every sprint.',
    );
    expect(await firstRowCells.nth(1).textContent()).toContain('Plans a quarter of work for a domain');
    await page.getByText('No warnings: everything in the document found its place.').waitFor();

    // Rename a level from the keyboard: its title becomes an input, Enter commits.
    await page.getByRole('button', { name: 'Level title: Senior Data Engineer. Edit' }).focus();
    await page.keyboard.press('Enter');
    const titleInput = page.getByRole('textbox', { name: 'Level title' });
    await titleInput.fill('Lead Data Engineer');
    await titleInput.press('Enter');
    await page.getByRole('button', { name: 'Level title: Lead Data Engineer. Edit' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Level title changed to “Lead Data Engineer”.' })
      .waitFor();

    // The page scrolls inside the app shell: a tall window shows the whole preview at once.
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-preview.png') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // A reload keeps the preview and the fix.
    await page.reload();
    await preview.waitFor();
    await page.getByRole('button', { name: 'Level title: Lead Data Engineer. Edit' }).waitFor();
    expect(await ladderCount(editor)).toBe(0);

    // Create, and land on the new ladder with its content in the matrix.
    await page.getByRole('button', { name: 'Create ladder' }).click();
    await page.waitForURL(/\/ladders\/[^/]+$/);
    const matrix = page.getByRole('table', { name: 'Ladder matrix' });
    await matrix.waitFor();
    await expect
      .poll(() => matrix.locator('thead .level-title').allTextContents())
      .toEqual(['Data Engineer', 'Lead Data Engineer']);
    expect(await matrix.locator('thead .level-code').allTextContents()).toEqual(['DE1', 'DE2']);
    expect(await matrix.locator('tbody .competency-name').allTextContents()).toEqual([
      'Delivery',
      'Collaboration',
      'Craft',
    ]);
    await matrix.getByText('Ships well-tested pipeline changes every sprint.').waitFor();
    await matrix.getByText('Designs schemas that survive a year of product change.').waitFor();
    await matrix.getByText('Owns a data domain end to end.').waitFor();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Data Engineering ladder' }).waitFor();
    expect(await ladderCount(editor)).toBe(1);

    // The wizard starts afresh next time.
    await page.goto('/import');
    expect(await page.getByLabel('Or paste the document').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the server’s message for a garbage paste and creates nothing', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    const before = await ladderCount(editor);
    await openWizard(page);

    // What the server says about this document, word for word.
    const res = await api(editor, 'POST', '/api/imports/preview', { text: GARBAGE });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: { message: string; line?: number } };

    await page.getByLabel('Or paste the document').fill(GARBAGE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This document can’t be imported' });
    await alert.waitFor();
    expect(await alert.locator('.import-problem-message').textContent()).toBe(error.message);
    if (error.line) await alert.getByText(`Line ${error.line}`).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-error.png') });
    // Still on the first step, with the text kept for fixing it.
    expect(page.url()).toMatch(/\/import$/);
    expect(await page.getByLabel('Or paste the document').inputValue()).toBe(GARBAGE);
    expect(await page.getByRole('table', { name: 'Imported ladder preview' }).count()).toBe(0);
    expect(await ladderCount(editor)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when a document is too complex to import, and creates nothing', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    const before = await ladderCount(editor);
    await openWizard(page);
    // Linear, but about 10 s a megabyte: 1 MB of it outlasts the 1.5 s budget many times over.
    // Uploaded, since typing a megabyte into the text box takes the browser longer than the parse.
    const hostile = pathologicalShapes()
      .find((s) => s.name === 'many tables')!
      .build(1_000_000);
    await page.getByLabel('Ladder file').setInputFiles({
      name: 'many-tables.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(hostile),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'This document is too complex to import' });
    await alert.waitFor({ timeout: 90_000 });
    expect(await alert.locator('.import-problem-message').textContent()).toMatch(
      /too complex to import.*Import it in parts/,
    );
    expect(await page.getByRole('table', { name: 'Imported ladder preview' }).count()).toBe(0);
    expect(await ladderCount(editor)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads an uploaded CSV file, changes format, merges, drops and undoes', async () => {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Import a ladder', level: 1 }).waitFor();

    await page.getByLabel('Ladder file').setInputFiles({
      name: 'career-ladder.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(LADDER_CSV),
    });
    const preview = page.getByRole('table', { name: 'Imported ladder preview' });
    await preview.waitFor();
    const counts = page.getByTestId('import-counts');
    expect(await page.getByTestId('import-format').textContent()).toBe('CSV (comma-separated)');
    expect(await counts.textContent()).toBe('3 levels · 3 competencies · 9 filled cells');

    // Reading it as TSV fails with the server's message and the line it points at; the preview stays.
    await page.getByLabel('Read the document as').selectOption('tsv');
    const problem = page.getByRole('alert').filter({ hasText: 'It can’t be read as TSV' });
    await problem.waitFor();
    await problem.getByText('Line 1', { exact: true }).waitFor();
    await problem.getByText('Level,Delivery,Collaboration,Craft').waitFor();
    expect(await page.getByLabel('Read the document as').inputValue()).toBe('csv');
    expect(await counts.textContent()).toBe('3 levels · 3 competencies · 9 filled cells');

    // Merge L2 into L3: L3's cells hold both texts, in ladder order.
    await page.getByRole('button', { name: 'Merge level L2 Senior Engineer into another' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge level “L2 Senior Engineer”' });
    await dialog.getByLabel('Merge it into').selectOption({ label: 'L3 Staff Engineer' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-merge.png') });
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => counts.textContent()).toBe('2 levels · 3 competencies · 6 filled cells');
    const delivery = preview.locator('tr.competency-row').first().locator('td.cell').nth(1);
    expect(await delivery.textContent()).toBe(
      'Leads a project to completion.Sets direction for a product area.',
    );

    // Drop a competency, then undo both changes.
    await page.getByRole('button', { name: 'Drop competency Craft' }).click();
    await expect.poll(() => counts.textContent()).toBe('2 levels · 2 competencies · 4 filled cells');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => counts.textContent()).toBe('2 levels · 3 competencies · 6 filled cells');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => counts.textContent()).toBe('3 levels · 3 competencies · 9 filled cells');
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads the ladder as Markdown from the Export menu', async () => {
    const preview = await api(editor, 'POST', '/api/imports/preview', { text: LADDER_MARKDOWN });
    expect(preview.status).toBe(200);
    const { content } = (await preview.json()) as { content: { title: string } };
    const created = await api(editor, 'POST', '/api/ladders', {
      title: 'Data platform',
      content: { ...content, title: 'Data platform' },
    });
    expect(created.status).toBe(201);
    const { ladder } = (await created.json()) as { ladder: { slug: string } };

    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`/ladders/${ladder.slug}`);
    const matrix = page.getByRole('table', { name: 'Ladder matrix' });
    await matrix.waitFor();

    // An edit just made in the live draft is part of the export: it is generated from the document on screen.
    const cell = matrix.locator('tr.competency-row td.cell').first();
    await cell.locator('.rt-static').click();
    await cell.locator('.ProseMirror').waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keeps the on-call runbook current.');
    await page.keyboard.press('Escape');
    await cell.locator('.rt-static', { hasText: 'Keeps the on-call runbook current.' }).waitFor();

    // Open the menu from the keyboard, then pick Markdown.
    await page.getByRole('button', { name: 'Export', exact: true }).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export' });
    await menu.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-menu.png') });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      expect.stringContaining('Markdown'),
      expect.stringContaining('CSV'),
      expect.stringContaining('JSON'),
      expect.stringContaining('HTML page'),
      expect.stringContaining('Excel'),
      expect.stringContaining('Word'),
      expect.stringContaining('Print / Save as PDF'),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('menuitem', { name: /Markdown/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('data-platform.md');
    const file = await download.path();
    const markdown = fs.readFileSync(file, 'utf8');
    expect(markdown).toContain('# Data platform');
    expect(markdown).toContain('Senior Data Engineer');
    expect(markdown).toContain('Ships well-tested pipeline changes every sprint.');
    expect(markdown).toContain('Designs schemas that survive a year of product change.');
    expect(markdown).toContain('Keeps the on-call runbook current.');
    // The menu closed and focus went back to its button.
    expect(await menu.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Export');

    // "Print / Save as PDF", one level per page: a new tab with the printable page.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await menu.getByRole('menuitemcheckbox', { name: 'One level per page' }).click();
    expect(await menu.getByRole('menuitemcheckbox').getAttribute('aria-checked')).toBe('true');
    const [printable] = await Promise.all([
      context.waitForEvent('page'),
      menu.getByRole('menuitem', { name: /Print/ }).click(),
    ]);
    await printable.waitForLoadState();
    expect(await printable.locator('body').getAttribute('class')).toBe('ladder-document one-per-page');
    expect(await printable.locator('section.level h2').allTextContents()).toEqual([
      'DE1 Data Engineer',
      'DE2 Senior Data Engineer',
    ]);
    await printable.getByText('Ships well-tested pipeline changes every sprint.').waitFor();
    await printable.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
