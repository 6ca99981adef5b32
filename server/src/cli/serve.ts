import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { ensureSampleLadder } from '../sample/ensure-sample.ts';
import type { Command } from './command.ts';

export const serve: Command = {
  name: 'serve',
  usage:
    'serve [--sample]   Start Rungs (PORT, DATABASE_URL). --sample adds a sample ladder to an empty workspace.',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { sample: { type: 'boolean' } } });
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
  },
};
