import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '@rungs/shared';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { VIEWPORTS } from '../helpers/browser.ts';
import { cellText, createLadder, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import {
  approve,
  editLive,
  getProposal,
  merge,
  openProposal,
  proposalContent,
  startProposal,
  type ProposalView,
} from '../helpers/proposals.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * Issue 9, item 1: proposal #3 changed cell "Mentoring × E2"; #4 changed the same cell and was
 * published as version 3. "Update from published" on #3 used to take v3's text at once, with no
 * dialog, and #3's own edit was gone. Now it asks, and keeps what the author chooses.
 */
describe('update from published in the browser', () => {
  const app = useBrowserApp();
  let editor: Session;
  let reviewer: Session;
  let slug: string;
  let mine: ProposalView;
  const myText = ' Mentors two juniors at a time.';
  const publishedText = ' Runs the mentoring programme.';

  const typeLive = (p: ProposalView, text: string) =>
    editLive(
      app.server.wsUrl,
      editor,
      slug,
      p,
      (doc) => typeIntoCell(doc, 'L2', 'C1', text),
      (c) => cellText(c, 'L2', 'C1').includes(text.trim()),
    );

  const publish = async (n: number) => {
    await openProposal(editor, slug, n);
    await approve(reviewer, slug, n);
    return (await merge(editor, slug, n)).version.number;
  };

  beforeAll(async () => {
    const admin = await setupAdmin(app.server.url);
    editor = await createUser(admin, 'editor', 'Grace Editor');
    reviewer = await createUser(admin, 'reviewer', 'Rita Reviewer');

    const content = testLadder(3, 3, 'Engineering');
    content.levels[1]!.code = 'E2';
    content.competencies[0]!.name = 'Mentoring';
    content.cells['L2:C1'] = docFromParagraphs('Mentors a junior.');
    ({ slug } = await createLadder(editor, content));
    expect(await publish(1)).toBe(1);
    const second = await startProposal(editor, slug, 'Another cell');
    await editLive(
      app.server.wsUrl,
      editor,
      slug,
      second,
      (doc) => typeIntoCell(doc, 'L1', 'C2', 'Writes tests.'),
      (c) => cellText(c, 'L1', 'C2') === 'Writes tests.',
    );
    expect(await publish(second.number)).toBe(2);

    mine = await startProposal(editor, slug, 'More mentoring at E2');
    const theirs = await startProposal(editor, slug, 'Mentoring programme');
    expect([mine.number, theirs.number]).toEqual([3, 4]);
    await typeLive(mine, myText);
    await typeLive(theirs, publishedText);
    expect(await publish(theirs.number)).toBe(3);
  });

  it('asks how to resolve the cell both changed, and keeps the combined text', async () => {
    const { page, errors } = await app.signedIn(editor, VIEWPORTS.phone);
    await page.goto(`/ladders/${slug}/proposals/3`);
    await page.getByRole('button', { name: 'Update from published' }).click();

    const dialog = page.getByRole('dialog', { name: 'Update from version 3?' });
    const conflict = dialog.getByRole('group', { name: "Cell E2 × 'Mentoring'" });
    await conflict.waitFor();
    expect(await conflict.locator('.update-side').first().textContent()).toContain(myText.trim());
    expect(await conflict.locator('.update-side').nth(1).textContent()).toContain(publishedText.trim());
    const confirm = dialog.getByRole('button', { name: 'Confirm update' });
    expect(await confirm.isDisabled()).toBe(true);

    await conflict.getByLabel('Combine').check();
    const combined = conflict.getByRole('textbox');
    expect(await combined.inputValue()).toContain(myText.trim());
    expect(await combined.inputValue()).toContain(publishedText.trim());
    await combined.fill('Mentors two juniors at a time and runs the mentoring programme.');
    await dialog.evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'update-from-published-dialog.png') });

    // Nothing changed while the dialog was open.
    expect(cellText(await proposalContent(editor, slug, 3), 'L2', 'C1')).toBe(`Mentors a junior.${myText}`);
    expect((await getProposal(editor, slug, 3)).baseVersion).toBe(2);

    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Update from published' }).waitFor({ state: 'detached' });
    expect(cellText(await proposalContent(editor, slug, 3), 'L2', 'C1')).toBe(
      'Mentors two juniors at a time and runs the mentoring programme.',
    );
    const after = await getProposal(editor, slug, 3);
    expect(after).toMatchObject({ baseVersion: 3, conflicts: [] });
    expect(after.changes.diff.cells.map((c) => c.key)).toEqual(['L2:C1']);
    await expect
      .poll(() => page.locator('[data-fragment="cell:L2:C1"]').textContent())
      .toContain('Mentors two juniors at a time and runs the mentoring programme.');
    expect(errors).toEqual([]);
  });
});
