import { parseArgs } from 'node:util';
import { importLadder } from '@rungs/shared';
import { buildApp } from '../app.ts';
import { LadderService } from '../ladders/ladder-service.ts';
import type { Command } from './command.ts';
import { parseFormat, printWarnings, readInput } from './read-input.ts';

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE [--from FORMAT] [--title T]\n                     Create a ladder from a document (its first proposal holds the content).',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { from: { type: 'string' }, title: { type: 'string' } },
    });
    const { bytes, filename } = readInput(positionals[0]);
    const result = importLadder(bytes, { filename, format: parseFormat(values.from), title: values.title });
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
