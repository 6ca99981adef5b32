import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import * as m0001 from './0001-init.ts';
import * as m0002 from './0002-accounts.ts';
import * as m0003 from './0003-proposals.ts';
import * as m0004 from './0004-first-run.ts';

export { dialectOf, binaryType, type SqlDialectName } from './dialect-helpers.ts';

/** Every migration, in order. They run unchanged on SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-accounts': m0002,
  '0003-proposals': m0003,
  '0004-first-run': m0004,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return result;
}
