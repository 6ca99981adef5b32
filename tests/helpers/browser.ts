import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './auth.ts';

/** Debian's Chromium, headless, with everything that phones home turned off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The window sizes every screen is checked at: a phone, a small laptop, a desktop. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1024, height: 768 },
  desktop: { width: 1440, height: 900 },
} as const;

export type Viewport = { width: number; height: number };

/** A fresh browser profile (own cookies and storage), desktop-sized unless told otherwise. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = VIEWPORTS.desktop,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(20_000);
  return context;
}

/** Signs in through the sign-in screen, as a person would, and waits for the app behind it. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
}

/** Collects uncaught page errors so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/**
 * A fresh browser profile signed in as `email` through the sign-in screen. The context is added
 * to `contexts` so the test's cleanup closes it.
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  email: string,
  contexts: BrowserContext[],
  viewport: Viewport = VIEWPORTS.desktop,
): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await newContext(browser, baseURL, viewport);
  contexts.push(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await signIn(page, email);
  return { page, errors, context };
}
