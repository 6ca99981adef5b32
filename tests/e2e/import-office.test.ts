import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '@rungs/shared/import/testing/paths';
import { api, createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES_DIR, name));

/**
 * Issue 13, acceptance 4: Word and Excel files in the import wizard (chosen, or dropped on it),
 * previewed with their detected format, a workbook's sheet chosen, created; the Export menu's
 * Excel file reads back as the same ladder; a binary file of another kind is refused with the
 * formats Rungs reads.
 */
describe('Word and Excel files in the browser', () => {
  const app = useBrowserApp();
  let editor: Session;

  beforeAll(async () => {
    const admin = await setupAdmin(app.server.url);
    editor = await createUser(admin, 'editor', 'Erin Editor');
  });

  async function openWizard(page: Page): Promise<void> {
    await page.goto('/import');
    await page.getByRole('heading', { name: 'Import a ladder', level: 1 }).waitFor();
  }

  async function createAndOpen(page: Page, expectedText: string): Promise<void> {
    await page.getByRole('button', { name: 'Create ladder' }).click();
    await page.waitForURL(/\/ladders\/[^/]+$/);
    const matrix = page.getByRole('table', { name: 'Ladder matrix' });
    await matrix.waitFor();
    await matrix.getByText(expectedText).first().waitFor();
  }

  it('reads a dropped Word document and creates its ladder', async () => {
    const { page, errors } = await app.signedIn(editor);
    await openWizard(page);
    // Dropped on the wizard, as a person drags it from their desktop.
    const bytes = fixture('word-headings.docx').toString('base64');
    const transfer = await page.evaluateHandle(
      ({ base64, type }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], 'Data engineering ladder.docx', { type }));
        return dt;
      },
      { base64: bytes, type: MEDIA.docx },
    );
    await page.locator('.import-dropzone').dispatchEvent('drop', { dataTransfer: transfer });

    await page.getByRole('table', { name: 'Imported ladder preview' }).waitFor();
    expect(await page.getByTestId('import-format').textContent()).toBe('Word (.docx)');
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      '2 levels · 2 competencies · 4 filled cells',
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-docx-preview.png') });
    await createAndOpen(page, 'You add data quality checks to every job you own.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-docx-created.png') });
    expect(errors).toEqual([]);
  });

  it('reads the sheet of a workbook that holds the ladder, offers the others, and creates it', async () => {
    const { page, errors } = await app.signedIn(editor);
    await openWizard(page);
    await page.getByLabel('Ladder file').setInputFiles({
      name: 'operations-ladder.xlsx',
      mimeType: MEDIA.xlsx,
      buffer: fixture('sheet-wide.xlsx'),
    });
    await page.getByRole('table', { name: 'Imported ladder preview' }).waitFor();
    const counts = page.getByTestId('import-counts');
    expect(await page.getByTestId('import-format').textContent()).toBe('Excel (.xlsx)');
    expect(await counts.textContent()).toBe('3 levels · 3 competencies · 9 filled cells');
    const sheet = page.getByLabel('Sheet');
    expect(await sheet.inputValue()).toBe('Ladder');
    await page.getByText(/Read the sheet “Ladder”; the other sheets .* were ignored/).waitFor();

    // Another sheet reads as another ladder; back to the ladder's sheet.
    await sheet.selectOption('Old version');
    await expect.poll(() => counts.textContent()).toBe('1 level · 1 competency · 1 filled cell');
    await sheet.selectOption('Ladder');
    await expect.poll(() => counts.textContent()).toBe('3 levels · 3 competencies · 9 filled cells');
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-xlsx-preview.png') });
    await createAndOpen(page, 'Coaches new associates through their first month.');

    // The Export menu's Excel file of this live draft reads back as the same ladder.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const menu = page.getByRole('menu', { name: 'Export' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('menuitem', { name: /Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('operations-ladder.xlsx');
    const exported = fs.readFileSync(await download.path());
    const reread = await api(editor, 'POST', '/api/imports/preview', {
      base64: exported.toString('base64'),
      filename: 'operations-ladder.xlsx',
    });
    expect(reread.status).toBe(200);
    const { content } = (await reread.json()) as {
      content: { levels: { title: string }[]; competencies: { name: string }[] };
    };
    expect(content.levels.map((l) => l.title)).toEqual(['Ops Associate', 'Ops Specialist', 'Ops Lead']);
    expect(content.competencies.map((c) => c.name)).toEqual(['Planning', 'Quality', 'Coaching']);
    expect(errors).toEqual([]);
  });

  it('says which formats it reads when a binary file is none of them', async () => {
    const { page, errors } = await app.signedIn(editor);
    await openWizard(page);
    await page.getByLabel('Ladder file').setInputFiles({
      name: 'ladder.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'Word (.docx) and Excel (.xlsx)' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/PDF/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-binary-refused.png') });
    expect(errors).toEqual([]);
  });
});
