import { beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs, setCell } from '@rungs/shared';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { cellText, createLadder, testLadder } from '../helpers/ladders.ts';
import {
  approve,
  editLive,
  merge,
  openProposal,
  proposalContent,
  startProposal,
} from '../helpers/proposals.ts';

/**
 * The published line in the browser: the empty state before version 1, the published matrix and
 * a page per level (stable links that survive a reload), comparing two levels, an old version,
 * and "Restore version 1" opening a proposal that undoes version 2.
 */
describe('published ladder, levels, compare and restore in the browser', () => {
  const app = useBrowserApp();
  let editor: Session;
  let reviewer: Session;
  let viewer: Session;
  let slug: string;

  beforeAll(async () => {
    const admin = await setupAdmin(app.server.url);
    editor = await createUser(admin, 'editor', 'Grace Editor');
    reviewer = await createUser(admin, 'reviewer', 'Rita Reviewer');
    viewer = await createUser(admin, 'viewer', 'Vera Viewer');
    const content = testLadder(3, 2, 'Data Engineering');
    content.cells['L1:C1'] = docFromParagraphs('Builds pipelines with guidance.');
    content.cells['L2:C1'] = docFromParagraphs('Builds pipelines on their own and reviews others.');
    content.cells['L2:C2'] = docFromParagraphs('Explains trade-offs to the team.');
    ({ slug } = await createLadder(editor, content));
  });

  const signedIn = (session: Session) => app.signedIn(session);

  it('says a new ladder is not published yet and points to proposal #1', async () => {
    const { page, errors } = await signedIn(editor);
    await page.goto(`/ladders/${slug}`);
    const notice = page.locator('.not-published');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Not published yet — open proposal #1');
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'No versions yet' }).waitFor();
    await page.getByRole('link', { name: 'Open proposal #1' }).click();
    await page.waitForURL(`**/ladders/${slug}/proposals/1`);
    await page.locator('.proposal-title-line .state-badge', { hasText: 'Draft' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the published ladder, a page per level, two levels compared, and restores version 1', async () => {
    // Version 1 and version 2 (T2 × Competency 1 reworded), through the API.
    await openProposal(editor, slug, 1);
    await approve(reviewer, slug, 1);
    await merge(editor, slug, 1);
    const p2 = await startProposal(editor, slug, 'Own the pipelines', { open: true });
    await editLive(
      app.server.wsUrl,
      editor,
      slug,
      p2,
      (doc) => setCell(doc, 'L2', 'C1', docFromParagraphs('Owns pipelines end to end and reviews others.')),
      (c) => cellText(c, 'L2', 'C1').startsWith('Owns'),
    );
    await approve(reviewer, slug, p2.number);
    await merge(editor, slug, p2.number);

    // A viewer reads version 2, opens the page of level T2 from its column header…
    const vw = await signedIn(viewer);
    await vw.page.goto(`/ladders/${slug}`);
    const matrix = vw.page.getByRole('table', { name: 'Data Engineering, version 2' });
    await matrix.waitFor();
    expect(await matrix.locator('td[data-cell-key="L2:C1"]').textContent()).toBe(
      'Owns pipelines end to end and reviews others.',
    );
    expect(await vw.page.locator('[contenteditable="true"], .ProseMirror').count()).toBe(0);
    await matrix.getByRole('link', { name: 'T2' }).click();
    await vw.page.waitForURL(`**/ladders/${slug}/levels/L2`);
    const level = vw.page.getByRole('article');
    await level.getByRole('heading', { name: 'T2 Tester 2' }).waitFor();
    expect(await level.textContent()).toContain('Owns pipelines end to end and reviews others.');
    // …whose link survives a reload…
    await vw.page.reload();
    await level.getByRole('heading', { name: 'T2 Tester 2' }).waitFor();

    // …and compares it with T1: what is new at T2 is highlighted.
    await level.getByRole('link', { name: 'What is new from T1' }).click();
    await vw.page.waitForURL(`**/ladders/${slug}/compare?lower=L1&higher=L2`);
    const row = vw.page.locator('tr.compare-row', { hasText: 'Competency 1' });
    await expect.poll(() => row.locator('ins.diff-ins').allTextContents()).not.toEqual([]);
    expect(await row.getAttribute('data-status')).toBe('changed');
    const newRow = vw.page.locator('tr.compare-row', { hasText: 'Competency 2' });
    expect(await newRow.getAttribute('data-status')).toBe('new');
    expect(await newRow.locator('ins.diff-ins').textContent()).toContain('Explains trade-offs to the team.');
    expect(vw.errors).toEqual([]);

    // An editor opens version 1 from the history and restores it: a proposal that undoes v2.
    const ed = await signedIn(editor);
    await ed.page.goto(`/ladders/${slug}/history`);
    await ed.page.getByRole('link', { name: 'View version 1' }).click();
    await ed.page.waitForURL(`**/ladders/${slug}/versions/1`);
    await ed.page.locator('.old-version-note').waitFor();
    expect(
      await ed.page
        .getByRole('table', { name: 'Data Engineering, version 1' })
        .locator('td[data-cell-key="L2:C1"]')
        .textContent(),
    ).toBe('Builds pipelines on their own and reviews others.');
    await ed.page.getByRole('button', { name: 'Restore version 1' }).click();
    await ed.page.getByRole('dialog').getByRole('button', { name: 'Restore version 1' }).click();
    await ed.page.waitForURL(new RegExp(`/ladders/${slug}/proposals/3$`));
    await ed.page.getByRole('link', { name: /^Changes/ }).click();
    const restored = ed.page.locator('td.diff-cell[data-cell-key="L2:C1"]');
    await expect.poll(() => restored.locator('del.diff-del').allTextContents()).not.toEqual([]);
    expect(await restored.locator('ins.diff-ins').allTextContents()).not.toEqual([]);
    expect(cellText(await proposalContent(editor, slug, 3), 'L2', 'C1')).toBe(
      'Builds pipelines on their own and reviews others.',
    );
    expect(ed.errors).toEqual([]);
  });
});
