import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createUser, login, setupAdmin, TEST_PASSWORD, type Session } from '../helpers/auth.ts';
import { collectPageErrors, launchBrowser, newContext, signIn } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  invited: boolean;
}

/** The admin page: users and roles through the UI, and what it did in the audit log view. */
describe('admin page in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  let admin: Session;
  let grace: Session;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    admin = await setupAdmin(server.url); // "Ada Admin"
    grace = await createUser(admin, 'editor', 'Grace Hopper');
    // Enough sign-ins that the audit log needs "Load more" (a page is 50 events).
    for (let i = 0; i < 55; i++) await login(server.url, admin.user.email);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function newPage(): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page), context };
  }

  async function users(): Promise<UserRow[]> {
    const res = await api(admin, 'GET', '/api/users');
    return ((await res.json()) as { users: UserRow[] }).users;
  }

  const row = (page: Page, email: string) => page.locator(`tr[data-user-email="${email}"]`);

  it('keeps non-admins out, and says why', async () => {
    const { page, errors } = await newPage();
    await signIn(page, grace.user.email);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count(),
    ).toBe(0);
    await page.goto('/admin');
    await page.getByRole('heading', { name: 'You need the admin role to see this page' }).waitFor();
    expect(await page.getByText('Your role (editor)').count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('creates, invites, changes a role, disables, and shows it all in the audit log', async () => {
    const { page, errors, context } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, admin.user.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Admin', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Users' });
    await row(page, grace.user.email).waitFor();
    // The admin's own row: marked "You", with no role select or Disable (the server refuses both).
    await row(page, admin.user.email).getByText('You', { exact: true }).waitFor();
    expect(await row(page, admin.user.email).getByRole('combobox').count()).toBe(0);
    expect(await row(page, admin.user.email).getByRole('button').count()).toBe(0);

    // Create an account with a password.
    await page.getByRole('button', { name: 'Add user' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Name').fill('Linus Reader');
    await dialog.getByLabel('Email').fill('linus@example.com');
    await dialog.getByLabel('Role').selectOption('editor');
    await dialog.getByLabel('Set a password now').check();
    await dialog.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await row(page, 'linus@example.com').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(await row(page, 'linus@example.com').getByLabel('Role of Linus Reader').inputValue()).toBe(
      'editor',
    );

    // Adding the same email again shows the server's error as written.
    await page.getByRole('button', { name: 'Add user' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Name').fill('Linus Again');
    await dialog.getByLabel('Email').fill('linus@example.com');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: 'An account for linus@example.com already exists; change its role instead.' })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Invite someone: the link is shown once, with a copy button.
    await page.getByRole('button', { name: 'Add user' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('Name').fill('Nina Invitee');
    await dialog.getByLabel('Email').fill('nina@example.com');
    await dialog.getByLabel('Role').selectOption('reviewer');
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-add-user.png') });
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const invitation = page.getByRole('dialog', { name: 'Invitation for Nina Invitee' });
    const link = await invitation.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invitations/[\\w-]{20,}$`));
    await invitation.getByRole('button', { name: 'Copy link' }).click();
    await invitation.getByRole('status').filter({ hasText: 'The link is on your clipboard.' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-invitation-link.png') });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await invitation.getByRole('button', { name: 'Done' }).click();
    await row(page, 'nina@example.com').getByText('Invited').waitFor();

    // Change a role.
    await row(page, 'linus@example.com').getByLabel('Role of Linus Reader').selectOption('reviewer');
    await page.getByText('Linus Reader is now a reviewer.').waitFor();
    await expect
      .poll(async () => (await users()).find((u) => u.email === 'linus@example.com')?.role)
      .toBe('reviewer');

    // Disable Grace, after confirming.
    await row(page, grace.user.email).getByRole('button', { name: 'Disable Grace Hopper' }).click();
    dialog = page.getByRole('dialog', { name: 'Disable Grace Hopper?' });
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await row(page, grace.user.email).getByText('Disabled').waitFor();
    expect(await dialog.count()).toBe(0);
    expect((await users()).find((u) => u.email === grace.user.email)?.disabled).toBe(true);

    // The server still refuses an admin disabling themself, with a message that says why.
    const self = await api(admin, 'PATCH', `/api/users/${admin.user.id}`, { disabled: true });
    expect(self.status).toBe(400);
    expect(((await self.json()) as { error: { message: string } }).error.message).toBe(
      'You cannot disable yourself or remove your own admin role; ask another admin.',
    );
    expect((await users()).find((u) => u.email === admin.user.email)?.disabled).toBe(false);

    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin.png') });

    // The audit log shows what just happened, newest first.
    await page.getByRole('link', { name: 'Audit log' }).click();
    const events = page.getByRole('table', { name: 'Audit events' });
    await events.waitFor();
    const disabled = events.locator('tr[data-action="user.disabled"]');
    expect(await disabled.textContent()).toContain('Grace Hopper');
    const roleChanged = events.locator('tr[data-action="user.role_changed"]');
    expect(await roleChanged.textContent()).toContain('editor → reviewer');
    expect(await roleChanged.textContent()).toContain(admin.user.email);
    expect(await events.locator('tr[data-action="user.invited"]').textContent()).toContain(
      'nina@example.com',
    );
    expect(await events.locator('tr[data-action="user.created"]').first().textContent()).toContain(
      'linus@example.com',
    );

    // Filter by action prefix.
    await page.getByRole('button', { name: 'Accounts and roles' }).click();
    await expect.poll(() => events.locator('tbody tr:not([data-action^="user."])').count()).toBe(0);
    await page.getByLabel('Action starts with').fill('user.role');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => events.locator('tbody tr').count()).toBe(1);
    expect(await events.locator('tbody tr').getAttribute('data-action')).toBe('user.role_changed');
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-audit-filtered.png') });

    // Sign-ins: more than a page, so "Load more" pages back with `before`.
    await page.getByRole('button', { name: 'Sign-ins', exact: true }).click();
    await expect.poll(() => events.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => events.locator('tbody tr').count()).toBeGreaterThan(50);
    const actions = await events
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.every((a) => a?.startsWith('auth.'))).toBe(true);
    const ids = await page.evaluate(async () => {
      const res = await fetch('/api/audit?action=auth.&limit=500');
      return ((await res.json()) as { events: { id: number }[] }).events.length;
    });
    expect(await events.locator('tbody tr').count()).toBe(ids);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect.poll(() => events.locator('tbody tr').count()).toBe(50);
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-audit.png') });
    expect(errors).toEqual([]);

    // The invited person opens the link in their own browser, sets a password and is signed in.
    const invitee = await newPage();
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: 'Welcome to Rungs' }).waitFor();
    expect(await invitee.page.getByLabel('Email').inputValue()).toBe('nina@example.com');
    await invitee.page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await invitee.page.getByLabel('Password again').fill(TEST_PASSWORD);
    await invitee.page.screenshot({ path: path.join(ARTIFACTS, 'invitation.png') });
    await invitee.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    expect(new URL(invitee.page.url()).pathname).toBe('/');
    expect(await invitee.page.locator('.account-trigger').textContent()).toContain('Nina Invitee');
    expect(await invitee.page.locator('.account-trigger').textContent()).toContain('reviewer');
    // The link works once.
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: 'This invitation is not valid' }).waitFor();
    expect(invitee.errors).toEqual([]);

    await page.getByRole('link', { name: 'Users' }).click();
    await row(page, 'nina@example.com').getByText('Active').waitFor();
  });
});
