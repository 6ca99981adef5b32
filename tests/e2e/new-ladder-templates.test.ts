import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs, plainText } from '@rungs/shared';
import { findLadderTemplate } from '@rungs/shared/templates/index';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { createLadder, testLadder } from '../helpers/ladders.ts';
import { createPublishedLadder, createTeam, type Team } from '../helpers/proposals.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/** "New ladder" starts from a template written by us, or copies a published ladder. */
describe('new ladder from a template or a copy, in the browser', () => {
  const app = useBrowserApp();
  let team: Team;

  beforeAll(async () => {
    team = await createTeam(app.server.url);
  });

  async function openDialog(page: Page) {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New ladder' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New ladder' });
    await dialog.getByRole('group', { name: 'Start from' }).waitFor();
    return dialog;
  }

  it('creates a ladder from the IC engineering template and lands on its matrix with the template’s text', async () => {
    const template = findLadderTemplate('ic-engineering')!;
    const { page, errors } = await app.signedIn(team.alice);
    const dialog = await openDialog(page);

    // Blank first and chosen; each template says what it holds.
    const blank = dialog.getByRole('radio', { name: 'Blank' });
    expect(await blank.isChecked()).toBe(true);
    const ic = dialog.getByRole('radio', { name: 'Software engineering (IC)' });
    await dialog.getByText('6 levels · 6 competencies').waitFor();
    await dialog.getByRole('radio', { name: 'Engineering manager' }).waitFor();
    await dialog.getByRole('radio', { name: 'Product manager' }).waitFor();
    await dialog.getByRole('radio', { name: 'Copy an existing ladder' }).waitFor();

    // From the keyboard: arrows move through the radio group; the title follows the choice.
    await blank.focus();
    await page.keyboard.press('ArrowDown');
    expect(await ic.isChecked()).toBe(true);
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Software Engineering');
    expect(await dialog.getByLabel('Track').inputValue()).toBe('Individual contributor');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-ladder-templates.png') });

    // A typed title is kept when the choice changes.
    await dialog.getByLabel('Title').fill('Platform Engineering');
    await dialog.getByRole('radio', { name: 'Product manager' }).check();
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Platform Engineering');
    await ic.check();

    await dialog.getByRole('button', { name: 'Create ladder' }).click();
    await page.waitForURL(/\/ladders\/platform-engineering$/);
    const matrix = page.getByRole('table', { name: 'Ladder matrix' });
    await matrix.waitFor();
    await expect
      .poll(() => matrix.locator('thead .level-title').allTextContents())
      .toEqual(template.content.levels.map((l) => l.title));
    expect(await matrix.locator('tbody .competency-name').allTextContents()).toEqual(
      template.content.competencies.map((c) => c.name),
    );
    const [first] = template.content.levels;
    const [competency] = template.content.competencies;
    const firstCell = plainText(template.content.cells[`${first!.id}:${competency!.id}`]!).split('\n')[0]!;
    await matrix.getByText(firstCell).waitFor();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Platform Engineering' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-ladder-from-template.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies the published version of another ladder, and explains why a draft-only ladder cannot be copied', async () => {
    const source = testLadder(2, 2, 'Support ladder');
    source.cells['L1:C1'] = docFromParagraphs('Answers every ticket within a day.');
    await createPublishedLadder(team, source);
    await createLadder(team.alice, testLadder(1, 1, 'Draft only'));

    const { page, errors } = await app.signedIn(team.alice);
    const dialog = await openDialog(page);
    await dialog.getByRole('radio', { name: 'Copy an existing ladder' }).check();
    const create = dialog.getByRole('button', { name: 'Create ladder' });
    expect(await create.isDisabled()).toBe(true);

    const ladderSelect = dialog.getByLabel('Ladder to copy');
    await ladderSelect.selectOption({ label: 'Draft only (Testing)' });
    await dialog.getByRole('alert').filter({ hasText: 'has not been published yet' }).waitFor();
    expect(await create.isDisabled()).toBe(true);

    await ladderSelect.selectOption({ label: 'Support ladder (Testing)' });
    const version = dialog.getByLabel('Version', { exact: true });
    await version.waitFor();
    expect(await version.locator('option').first().textContent()).toBe('Latest published (version 1)');
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Support ladder (copy)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'new-ladder-copy.png') });
    await create.click();

    await page.waitForURL(/\/ladders\/support-ladder-copy$/);
    const matrix = page.getByRole('table', { name: 'Ladder matrix' });
    await matrix.waitFor();
    await matrix.getByText('Answers every ticket within a day.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
