import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** `server/src`, which every path below is relative to. */
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PENDING_MODULES: readonly string[] = [];

/** Opens the connection (and sets its pragmas); runs no query of the app's. */
const PLUMBING: readonly string[] = ['db/connect.ts'];

/** A Kysely query builder, or a raw `sql` template (and its helpers such as `sql.lit`). */
const RUNS_SQL =
  /\b(?:selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql\s*(?:<[^`]*?>)?\s*`|\bsql\.(?:raw|lit|ref|id|join|table|val)\(/;

function serverModules(): string[] {
  return fs
    .readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .sort();
}

function runsSql(file: string): boolean {
  const full = path.join(SRC, file);
  return fs.existsSync(full) && RUNS_SQL.test(fs.readFileSync(full, 'utf8'));
}

describe('SQL lives in stores', () => {
  it('runs no query in a server module other than a *-store.ts', () => {
    const outside = serverModules().filter(
      (file) =>
        !file.endsWith('-store.ts') &&
        !PLUMBING.includes(file) &&
        !PENDING_MODULES.includes(file) &&
        runsSql(file),
    );
    expect(outside).toEqual([]);
  });

  it('lists as pending only modules that still run SQL (empty the list once they are moved)', () => {
    expect(PENDING_MODULES.filter((file) => !runsSql(file))).toEqual([]);
  });

  it('recognises queries and sql templates', () => {
    for (const code of [
      "db\n  .selectFrom('users')",
      "trx.insertInto('users')",
      "db.updateTable('ladders')",
      "db.deleteFrom('sessions')",
      "selectFrom('versions as newer')",
      'sql`select 1`',
      'sql<number>`select 1`',
      'sql.lit(5)',
    ]) {
      expect(RUNS_SQL.test(code), code).toBe(true);
    }
    for (const code of [
      "import { sql } from 'kysely';",
      'const sqlite = new SQLite(file);',
      'listUsers(db)',
    ]) {
      expect(RUNS_SQL.test(code), code).toBe(false);
    }
  });
});
