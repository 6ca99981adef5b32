import { parseArgs } from 'node:util';
import { convertAnyDocument, isAnyExportFormat } from '@rungs/shared/export/office/index';
import { UsageError, type Command } from './command.ts';
import { parseFormat, printWarnings, readInput } from './read-input.ts';

/** Converts a document without touching the database: the ladder on stdout, warnings on stderr. */
export const convert: Command = {
  name: 'convert',
  usage:
    'convert FILE --to json|md|csv|html|docx|xlsx [--from FORMAT] [--sheet NAME] [--one-level-per-page]\n                     Convert a ladder document; writes only the result to stdout.',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        sheet: { type: 'string' },
        'one-level-per-page': { type: 'boolean' },
      },
    });
    if (!values.to || !isAnyExportFormat(values.to))
      throw new UsageError('convert needs --to json, md, csv, html, docx or xlsx.');
    const { bytes, filename } = readInput(positionals[0]);
    const result = await convertAnyDocument(bytes, values.to, {
      filename,
      format: parseFormat(values.from),
      onePerPage: values['one-level-per-page'],
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    });
    printWarnings(result.warnings);
    process.stdout.write(result.document);
    return 0;
  },
};
