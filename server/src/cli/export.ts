import { parseArgs } from 'node:util';
import { exportAnyLadder, isAnyExportFormat } from '@rungs/shared/export/office/index';
import { buildApp } from '../app.ts';
import { UsageError, type Command } from './command.ts';
import { NotFoundError } from '../domain-errors.ts';

/** Writes a published version of a ladder to stdout (the latest unless --version is given). */
export const exportCommand: Command = {
  name: 'export',
  usage:
    'export LADDER --format json|md|csv|html|docx|xlsx [--version N] [--one-level-per-page]\n                     Write a published version of a ladder (by slug) to stdout.',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        version: { type: 'string' },
        'one-level-per-page': { type: 'boolean' },
      },
    });
    const slug = positionals[0];
    if (!slug) throw new UsageError('Name the ladder to export (its slug, as in /ladders/<slug>).');
    if (!values.format || !isAnyExportFormat(values.format))
      throw new UsageError('export needs --format json, md, csv, html, docx or xlsx.');
    const version = values.version === undefined ? 'latest' : Number(values.version);
    if (version !== 'latest' && (!Number.isInteger(version) || version < 1)) {
      throw new UsageError('--version must be a version number (1, 2, …).');
    }
    const app = await buildApp({ config, logger: false });
    try {
      const ladder = await app.proposals.ladder(slug);
      const found = await app.versions.get(ladder.id, slug, version === 'latest' ? 'latest' : version);
      process.stdout.write(
        await exportAnyLadder(found.content, values.format, { onePerPage: values['one-level-per-page'] }),
      );
      return 0;
    } catch (err) {
      if (err instanceof NotFoundError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await app.close();
    }
  },
};
