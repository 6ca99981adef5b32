import path from 'node:path';
import { build } from 'vite';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Builds the web app once (web/dist), which every server the browser tests start then serves. */
export default async function setup(): Promise<void> {
  await build({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    root: path.join(REPO_ROOT, 'web'),
    logLevel: 'warn',
  });
}
