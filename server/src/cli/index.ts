import { isImportError } from '@rungs/shared';
import { loadConfig } from '../config.ts';
import { UsageError, type Command } from './command.ts';
import { convert } from './convert.ts';
import { createAdmin } from './create-admin.ts';
import { importCommand } from './import.ts';
import { exportCommand } from './export.ts';
import { migrate } from './migrate.ts';
import { serve } from './serve.ts';

const COMMANDS: Command[] = [serve, migrate, createAdmin, convert, importCommand, exportCommand];

const usage = () =>
  `Usage: pnpm rungs <command> [options]\n\nCommands:\n${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}\n`;

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  try {
    return await command.run(rest, loadConfig());
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n\nUsage: pnpm rungs ${command.usage}\n`);
      return 2;
    }
    if (isImportError(err)) {
      process.stderr.write(`Cannot import: ${err.message}${err.line ? ` (line ${err.line})` : ''}\n`);
      return 1;
    }
    throw err;
  }
}
