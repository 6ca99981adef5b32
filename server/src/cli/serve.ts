import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { exitGracefullyOnSignals } from '../ops/graceful-shutdown.ts';
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
    exitGracefullyOnSignals(app, {
      graceMs: config.ops.shutdownGraceMs,
      timeoutMs: config.ops.shutdownTimeoutMs,
    });
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    console.log(`Rungs is running at ${url} (database: ${app.databaseKind}).`);
    if ((await app.users.count()) === 0) {
      console.log(`No accounts yet: open ${url} to create the first admin account.`);
    }
    return -1;
  },
};
