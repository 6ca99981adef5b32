import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '@rungs/shared';
import { createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { openNotificationStream } from '../helpers/notification-stream.ts';
import { waitFor } from '../helpers/wait.ts';
import { cellText, createLadder, testLadder, typeIntoCell } from '../helpers/ladders.ts';
import {
  approve,
  editLive,
  merge,
  openProposal,
  proposalContent,
  startProposal,
  versionContent,
} from '../helpers/proposals.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

/**
 * Issue 4, acceptance 4: the whole review flow in three browsers. An editor proposes a change to
 * a cell and opens it for review; a reviewer sees the highlighted diff, comments on the cell and
 * approves; the editor publishes; a viewer finds version 2 in the history and its diff.
 */
describe('proposals, review and history in the browser', () => {
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

    // Version 1, through the API: proposal #1 opened, approved by the reviewer, merged by the editor.
    const content = testLadder(3, 4, 'Platform Engineering');
    content.cells['L1:C1'] = docFromParagraphs('Writes clear code with tests.');
    content.cells['L2:C1'] = docFromParagraphs('Designs features end to end.');
    ({ slug } = await createLadder(editor, content));
    await openProposal(editor, slug, 1);
    await approve(reviewer, slug, 1);
    const { version } = await merge(editor, slug, 1);
    expect(version.number).toBe(1);
  });

  const signedIn = (session: Session) => app.signedIn(session);

  it('goes from a proposal to a published version that a viewer can diff', async () => {
    const ed = await signedIn(editor);
    const rv = await signedIn(reviewer);
    const vw = await signedIn(viewer);
    const added = 'Leads the design of a whole service.';

    // --- The editor starts a proposal from the Proposals tab, edits a cell, opens it for review.
    await ed.page.goto(`/ladders/${slug}`);
    await ed.page.getByRole('link', { name: 'Proposals' }).click();
    await ed.page.getByRole('button', { name: 'New proposal' }).first().click();
    await ed.page.getByLabel('Title', { exact: true }).fill('Raise the bar for design at T2');
    await ed.page.getByLabel('Description').fill('T2 engineers own the design of a service.');
    await ed.page.getByRole('button', { name: 'Create proposal' }).click();
    await ed.page.waitForURL(`**/ladders/${slug}/proposals/2`);
    await ed.page.getByRole('table', { name: 'Ladder matrix' }).waitFor();
    await ed.page.locator('.connection-state', { hasText: 'Connected' }).waitFor();

    const cell = ed.page.locator('[data-fragment="cell:L2:C1"]');
    await cell.locator('.rt-static').click();
    await cell.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await ed.page.keyboard.press('End');
    await ed.page.keyboard.type(` ${added}`);
    await ed.page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await ed.page.keyboard.press('Escape');

    // The reviewer is on the ladder list already: its bell hears of the review request live.
    await rv.page.goto('/');
    await rv.page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    const bell = rv.page.locator('.topbar button[aria-label^="Notifications"]');
    const unread = async () =>
      Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    const unreadBefore = await unread();
    await ed.page.getByRole('button', { name: 'Open for review' }).click();
    await ed.page.locator('.proposal-title-line .state-badge', { hasText: 'In review' }).waitFor();

    // --- The reviewer is told (the bell on the ladder list, without reloading), opens the changes
    // and sees the new words highlighted.
    await expect.poll(unread, { timeout: 10_000 }).toBe(unreadBefore + 1);
    await rv.page.getByRole('button', { name: /Notifications, \d+ unread/ }).click();
    await rv.page
      .getByRole('region', { name: 'Notifications' })
      .getByRole('link', { name: /asks for your review of #2/ })
      .click();
    await rv.page.waitForURL(`**/ladders/${slug}/proposals/2/changes`);
    const diffCell = rv.page.locator('td.diff-cell[data-cell-key="L2:C1"]');
    await expect.poll(() => diffCell.locator('ins.diff-ins').textContent()).toContain(added);
    expect(await diffCell.getAttribute('data-change')).toBe('changed');
    expect(await diffCell.textContent()).toContain('Designs features end to end.');

    // It comments on that cell…
    await diffCell.getByRole('button', { name: 'Comment on Competency 1 at T2' }).click();
    const commentBox = rv.page.getByRole('textbox', { name: 'Comment on Competency 1 at T2' });
    await commentBox.fill('Should this say which services? “A whole service” is vague.');
    await rv.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await rv.page.locator('.thread', { hasText: 'is vague' }).waitFor();
    await diffCell.getByRole('button', { name: /1 comment thread on Competency 1 at T2/ }).waitFor();
    await rv.page.screenshot({ path: path.join(ARTIFACTS, 'review-diff.png') });

    // …and approves what it saw.
    await rv.page.getByRole('button', { name: 'Approve', exact: true }).click();
    await rv.page.locator('.proposal-title-line .state-badge', { hasText: 'Approved' }).waitFor();

    // --- The editor sees the comment and the approval arrive, and publishes.
    await ed.page.locator('[data-fragment="cell:L2:C1"] ~ .cell-comment.has-threads').waitFor();
    const publish = ed.page.getByRole('button', { name: 'Publish as version 2' });
    await expect.poll(() => publish.isEnabled()).toBe(true);
    await publish.click();
    await ed.page.getByRole('dialog').getByRole('button', { name: 'Publish version 2', exact: true }).click();
    await ed.page.locator('.published-note', { hasText: 'Published as version 2' }).waitFor();
    await ed.page.locator('.proposal-title-line .state-badge', { hasText: 'Published' }).waitFor();
    expect(cellText(await versionContent(viewer, slug, 2), 'L2', 'C1')).toBe(
      `Designs features end to end. ${added}`,
    );

    // --- The viewer finds version 2 in the history, with its changelog, author and approver.
    await vw.page.goto(`/ladders/${slug}`);
    await vw.page.getByRole('link', { name: 'History' }).click();
    const row = vw.page.locator('tr[data-version="2"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Raise the bar for design at T2');
    expect(await row.textContent()).toContain('Grace Editor');
    expect(await row.textContent()).toContain('Rita Reviewer');
    expect(await vw.page.locator('tr[data-version]').count()).toBe(2);
    await vw.page.screenshot({ path: path.join(ARTIFACTS, 'history.png') });

    // It opens the diff between 1 and 2 and sees the change highlighted.
    await vw.page.getByRole('button', { name: 'Show changes from version 1 to version 2' }).click();
    await vw.page.waitForURL(`**/ladders/${slug}/history/1..2`);
    const changed = vw.page.locator('td.diff-cell[data-cell-key="L2:C1"]');
    await expect.poll(() => changed.locator('ins.diff-ins').textContent()).toContain(added);
    expect(await changed.locator('del').count()).toBe(0);
    // A reload lands on the same diff.
    await vw.page.reload();
    await changed.locator('ins.diff-ins').waitFor();

    expect(ed.errors).toEqual([]);
    expect(rv.errors).toEqual([]);
    expect(vw.errors).toEqual([]);
  });

  it('follows the live document while editing, without asking the server (issue 11)', async () => {
    const p = await startProposal(editor, slug, 'Live without polling', { open: true });
    const { page, errors } = await signedIn(editor);
    await page.goto(`/ladders/${slug}/proposals/${p.number}`);
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    await page.getByRole('link', { name: 'Changes (0)' }).waitFor();
    // An approval given before the edits: the page shows it as it loads. The server tells every
    // open bell that notifications changed; a stream of our own hears it, so the page loaded
    // after it does not refetch in the middle of the count below.
    const probe = await openNotificationStream(app.server.url, viewer.cookie);
    await approve(reviewer, slug, p.number);
    await waitFor(() => probe.changes() > 0, { message: 'the approval to reach the open bells' });
    probe.close();
    await page.reload();
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    const badge = page.locator('.proposal-title-line .state-badge');
    await badge.filter({ hasText: 'Approved' }).waitFor();
    await page.locator('.reviewer.is-fresh', { hasText: 'Rita Reviewer' }).waitFor();

    const requests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url());
    });
    const type = async (cellKey: string, text: string) => {
      const cell = page.locator(`[data-fragment="cell:${cellKey}"]`);
      await cell.locator('.rt-static').click();
      await cell.locator('.ProseMirror[contenteditable="true"]').waitFor();
      await page.keyboard.press('End');
      await page.keyboard.type(text, { delay: 60 });
    };
    await type('L1:C2', ' Reviews designs.');
    // The change count, the state (the approval went stale) and the checks follow the edit.
    await page.getByRole('link', { name: 'Changes (1)' }).waitFor();
    await badge.filter({ hasText: 'In review' }).waitFor();
    await page.locator('.reviewer.is-stale', { hasText: 'Rita Reviewer' }).waitFor();
    expect(await page.locator('[data-check="approvals"]').textContent()).toMatch(/stale/);
    await type('L3:C3', ' Mentors the team.');
    await page.getByRole('link', { name: 'Changes (2)' }).waitFor();
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await page.keyboard.press('Escape');
    // An observation window, not a wait for something: the old page asked the server about a
    // second after edits settled, and every 30 s.
    await page.waitForTimeout(2_500);
    expect(requests).toEqual([]);
    // The Changes view shows the live edits at once (the bell looks again on every navigation).
    await page.getByRole('link', { name: 'Changes (2)' }).click();
    const diffCell = page.locator('td.diff-cell[data-cell-key="L3:C3"]');
    await expect.poll(() => diffCell.locator('ins.diff-ins').textContent()).toContain('Mentors the team.');
    expect(requests.filter((url) => !url.endsWith('/api/notifications'))).toEqual([]);
    expect((await proposalContent(editor, slug, p.number)).cells['L3:C3']).toBeDefined();
    expect(errors).toEqual([]);
  });

  it('hears when another proposal is published, and compares with the new version at once', async () => {
    const waiting = await startProposal(editor, slug, 'Waits while another is published', { open: true });
    const other = await startProposal(editor, slug, 'Published meanwhile', { open: true });
    await editLive(
      app.server.wsUrl,
      editor,
      slug,
      other,
      (doc) => typeIntoCell(doc, 'L1', 'C3', 'Published while the other page was open.'),
      (c) => cellText(c, 'L1', 'C3').includes('Published while'),
    );
    const { page, errors } = await signedIn(reviewer);
    await page.goto(`/ladders/${slug}/proposals/${waiting.number}`);
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    const base = page.locator('[data-check="base"]');
    await base.filter({ hasText: '(the latest)' }).waitFor();
    await approve(reviewer, slug, other.number);
    const { version } = await merge(editor, slug, other.number);
    await base.filter({ hasText: `published is now version ${version.number}` }).waitFor();
    expect(errors).toEqual([]);
  });

  it('says so when edits reach a proposal after it was published, and warns before they are lost', async () => {
    const p = await startProposal(editor, slug, 'Late edits', { open: true });
    const { page, errors, context } = await app.signedIn(editor);
    // A slow network: what the page sends over the live connection waits while `held` is set.
    let held: Array<string | Buffer> | null = null;
    await context.routeWebSocket(/\/collab\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((message) => (held ? held.push(message) : upstream.send(message)));
      upstream.onMessage((message) => ws.send(message));
    });
    await page.goto(`/ladders/${slug}/proposals/${p.number}`);
    await page.locator('.connection-state', { hasText: 'Connected' }).waitFor();
    const cell = page.locator('[data-fragment="cell:L1:C1"]');
    await cell.locator('.rt-static').click();
    await cell.locator('.ProseMirror[contenteditable="true"]').waitFor();
    await page.keyboard.type(' Saved in time.');
    await page
      .locator('.connection[data-saved="true"] .save-state', { hasText: 'All changes saved' })
      .waitFor();
    await approve(reviewer, slug, p.number);
    held = [];
    await page.keyboard.type(' Typed on a slow network.');
    await page.locator('.save-state', { hasText: 'Saving…' }).waitFor();
    const { version } = await merge(editor, slug, p.number);
    // Publishing closes the connection; the page reconnects and sends its edits again, after the
    // publish: the server refuses them, and the page says so.
    expect(held.length).toBeGreaterThan(0);
    held = null;
    await page.locator('.proposal-title-line .state-badge', { hasText: 'Published' }).waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'Your last edits were not saved' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('published before they reached the server');
    expect(await page.locator('.save-state').textContent()).toBe(
      'Your last edits were not saved: read-only now',
    );
    const publishedCell = cellText(await versionContent(viewer, slug, version.number), 'L1', 'C1');
    expect(publishedCell).toContain('Saved in time.');
    expect(publishedCell).not.toContain('slow network');
    await page.screenshot({ path: path.join(ARTIFACTS, 'refused-late-edits.png') });
    // Leaving asks first.
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    expect(errors).toEqual([]);
  });
});
