import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Session } from './auth.ts';
import { launchBrowser, signedInPage, VIEWPORTS, type Viewport } from './browser.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { startServer, type ServerProcess } from './server-process.ts';

/** A real Rungs server on its own SQLite database, and Chromium, for one browser test file. */
export interface BrowserApp {
  readonly db: TestDatabase;
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** A fresh browser profile signed in as `session` through the sign-in screen. */
  signedIn(
    session: Session,
    viewport?: Viewport,
  ): Promise<{ page: Page; errors: string[]; context: BrowserContext }>;
}

/**
 * Registers the hooks that start the server and the browser before the file's own `beforeAll`
 * (call it first in the `describe`) and close every profile, the browser, the server and the
 * database after it.
 */
export function useBrowserApp(): BrowserApp {
  let db: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or hook`);
    return value;
  };

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  return {
    get db() {
      return started(db, 'the database');
    },
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    signedIn(session, viewport = VIEWPORTS.desktop) {
      return signedInPage(
        started(browser, 'the browser'),
        started(server, 'the server').url,
        session.user.email,
        contexts,
        viewport,
      );
    },
  };
}
