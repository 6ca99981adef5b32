import { parseArgs } from 'node:util';
import { importDocument } from '@rungs/shared/import/import-document';
import { buildApp } from '../app.ts';
import { LadderService } from '../ladders/ladder-service.ts';
import type { Command } from './command.ts';
import { parseFormat, printWarnings, readInput } from './read-input.ts';

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE [--from FORMAT] [--title T] [--sheet NAME]\n                     Create a ladder from a document (its first proposal holds the content).',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { from: { type: 'string' }, title: { type: 'string' }, sheet: { type: 'string' } },
    });
    const { bytes, filename } = readInput(positionals[0]);
    const result = await importDocument(bytes, {
      filename,
      format: parseFormat(values.from),
      title: values.title,
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    });
    printWarnings(result.warnings);
    const app = await buildApp({ config, logger: false });
    try {
      const ladder = await new LadderService(app.db, app.rooms).create({
        title: result.content.title || filename || 'Imported ladder',
        track: result.content.track,
        content: result.content,
      });
      console.log(
        `Imported "${ladder.title}" (${result.format}, ${result.content.levels.length} levels × ${result.content.competencies.length} competencies) as /ladders/${ladder.slug}.`,
      );
      return 0;
    } finally {
      await app.close();
    }
  },
};
