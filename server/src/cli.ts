import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { connectDatabase } from './db/connect.ts';
import { migrateToLatest } from '@rungs/migrations';
import { ensureSampleLadder } from './sample/ensure-sample.ts';

const USAGE = `Usage: pnpm rungs <command> [options]

Commands:
  serve [--sample]   Start Rungs (PORT, DATABASE_URL). --sample adds a sample ladder when there is none.
  migrate            Apply database migrations and exit.
  create-admin --email E --name N --password P
                     Create an admin account (refuses an email that already has one).
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { sample: { type: 'boolean' } } });
      const app = await buildApp({ config });
      if (values.sample) await ensureSampleLadder(app);
      const shutdown = async (signal: string) => {
        app.log.info(`${signal}: shutting down`);
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      await app.listen({ port: config.port, host: config.host });
      const url = `http://localhost:${config.port}`;
      console.log(`Rungs is running at ${url} (database: ${app.databaseKind}).`);
      if ((await app.users.count()) === 0) {
        console.log(`No accounts yet: open ${url} to create the first admin account.`);
      }
      return -1;
    }
    case 'migrate': {
      const db = connectDatabase(config.databaseUrl);
      try {
        const result = await migrateToLatest(db);
        const applied =
          result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
      });
      if (!values.email || !values.name || !values.password) {
        process.stderr.write('create-admin needs --email, --name and --password.\n');
        return 1;
      }
      const app = await buildApp({ config, logger: false });
      try {
        const existing = await app.users.findByEmail(values.email);
        if (existing) {
          process.stderr.write(`An account for ${existing.email} already exists; nothing was changed.\n`);
          return 1;
        }
        const { user } = await app.users.create(
          { email: values.email, name: values.name, role: 'admin', password: values.password },
          null,
        );
        console.log(`Created admin ${user.email}.`);
      } finally {
        await app.close();
      }
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
