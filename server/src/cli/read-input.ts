import fs from 'node:fs';
import path from 'node:path';
import { isFormatId, type FormatId } from '@rungs/shared';
import { UsageError } from './command.ts';

/** Reads FILE (or stdin for "-") as bytes: the importer detects the encoding and format. */
export function readInput(file: string | undefined): { bytes: Uint8Array; filename?: string } {
  if (!file) throw new UsageError('Name the file to read (or "-" for standard input).');
  if (file === '-') return { bytes: new Uint8Array(fs.readFileSync(0)) };
  // `pnpm rungs` runs in the repo root; paths are relative to where the user typed the command.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!fs.existsSync(resolved)) throw new UsageError(`No such file: ${file}`);
  return { bytes: new Uint8Array(fs.readFileSync(resolved)), filename: path.basename(resolved) };
}

export function parseFormat(value: string | undefined): FormatId | undefined {
  if (value === undefined) return undefined;
  if (!isFormatId(value)) throw new UsageError(`Unknown input format "${value}".`);
  return value;
}

export function printWarnings(warnings: Array<{ message: string; line?: number }>): void {
  for (const w of warnings)
    process.stderr.write(`warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}\n`);
}
