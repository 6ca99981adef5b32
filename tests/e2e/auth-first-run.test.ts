import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/auth.ts';
import { collectPageErrors, launchBrowser, newContext } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const MAX_FAILURES = 3;

/**
 * Issue 3, acceptance 5: what the README's `start` runs (`serve --sample` on an empty database)
 * leads a newcomer to a working first login through the first-run screen; sign-in errors and the
 * rate limit read as the server words them; the account menu signs out.
 */
describe('first run and sign-in in the browser', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({
      databaseUrl: db.url,
      args: ['--sample'],
      env: { RUNGS_LOGIN_MAX_FAILURES: String(MAX_FAILURES) },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    return { page, errors: collectPageErrors(page) };
  }

  /** Fills and submits the sign-in form; resolves with the status the server answered. */
  async function submitSignIn(page: Page, email: string, password: string): Promise<number> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    return (await response).status();
  }

  it('creates the first admin from the first-run screen, then signs out and in again', async () => {
    expect(server.output()).toContain('No accounts yet: open');
    const { page, errors } = await newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Set up Rungs' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'first-run.png') });

    // The server's own words for a password it refuses.
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Use at least 10 characters for the password.' })
      .waitFor();

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    // The sample ladder is there to open.
    await page.getByRole('link', { name: 'Software Engineering (sample)' }).waitFor();

    // The account menu: name, email, role, and sign out.
    const account = page.getByRole('button', { name: /Ada Lovelace.*account menu/ });
    expect(await account.textContent()).toContain('admin');
    await account.click();
    const panel = page.getByRole('group', { name: 'Your account' });
    expect(await panel.textContent()).toContain('ada@example.com');
    expect(await panel.textContent()).toContain('Manages users, roles and ladder settings');
    await page.screenshot({ path: path.join(ARTIFACTS, 'account-menu.png') });
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
    await account.click();
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    // Once an admin exists, a reload shows the sign-in screen, not the first-run one.
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await submitSignIn(page, 'ada@example.com', TEST_PASSWORD)).toBe(200);
    await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the server’s sign-in errors as written, and the retry message once rate limited', async () => {
    const { page, errors } = await newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(await submitSignIn(page, 'nobody@example.com', `wrong password ${i}`)).toBe(401);
      await page
        .getByRole('alert')
        .filter({ hasText: 'That email and password do not match an active account.' })
        .waitFor();
    }
    expect(await submitSignIn(page, 'nobody@example.com', 'wrong again')).toBe(429);
    await page
      .getByRole('alert')
      .filter({
        hasText:
          /^Too many sign-in attempts for this account or from this address\. Try again in \d+ (minute|second)s?\.$/,
      })
      .waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in-rate-limited.png') });
    expect(errors).toEqual([]);
  });
});
