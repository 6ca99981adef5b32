import { migrateToLatest } from '@rungs/migrations';
import { connectDatabase } from '../db/connect.ts';
import type { Command } from './command.ts';

export const migrate: Command = {
  name: 'migrate',
  usage: 'migrate            Apply database migrations and exit.',
  async run(_args, config) {
    const db = connectDatabase(config.databaseUrl);
    try {
      const result = await migrateToLatest(db);
      const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    } finally {
      await db.destroy();
    }
    return 0;
  },
};
