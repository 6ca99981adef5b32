import fp from 'fastify-plugin';
import { migrateToLatest } from '@rungs/migrations';
import { connectDatabase, isPostgresUrl, type Db } from '../db/connect.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    databaseKind: 'sqlite' | 'postgres';
  }
}

export interface DatabasePluginOptions {
  databaseUrl: string;
  /** Apply migrations at start (the default). */
  migrate?: boolean;
}

export default fp<DatabasePluginOptions>(
  async (app, opts) => {
    const db = connectDatabase(opts.databaseUrl, (err) =>
      app.log.warn({ err }, 'a database connection was closed by the server; it will be replaced'),
    );
    if (opts.migrate !== false) await migrateToLatest(db);
    app.decorate('db', db);
    app.decorate('databaseKind', isPostgresUrl(opts.databaseUrl) ? 'postgres' : 'sqlite');
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  },
  { name: 'database' },
);
