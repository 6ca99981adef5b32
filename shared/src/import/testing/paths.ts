import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is shared/src/import/testing/paths.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Our own fixture documents, one per shape the importer reads. */
export const FIXTURES_DIR = path.resolve(REPO_ROOT, 'tests/fixtures/import');

/** The real ladder documents beside the repository (absent in some checkouts). */
export const SEEDS_DIR = path.resolve(REPO_ROOT, '../shared/seeds');

export const seedsPresent = existsSync(SEEDS_DIR);

export function listFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort()
    : [];
}
