import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the web app once, into a folder of this run's own (so two runs, or a developer's
 * `pnpm build:web`, never swap files under a running test), and points every server the browser
 * tests start at it through RUNGS_WEB_DIST (inherited by the test workers and their servers).
 */
export default async function setup(): Promise<() => void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rungs-web-'));
  // Vitest sets NODE_ENV=test, and Vite would bake that into the bundle: React would run its
  // development build (StrictMode's double effects, dev-only checks), not what users run.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      root: path.join(REPO_ROOT, 'web'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  process.env.RUNGS_WEB_DIST = outDir;
  return () => fs.rmSync(outDir, { recursive: true, force: true });
}
