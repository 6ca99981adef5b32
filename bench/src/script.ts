import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { BENCH_ROOT } from './servers/process.ts';

/** A timestamped progress line on stderr, counted from the start of the run. */
export function progressLog(): (msg: string) => void {
  const started = performance.now();
  return (msg) =>
    process.stderr.write(`[bench +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
}

/** `uptime`'s line: what else the shared machine was doing. */
export function uptimeLine(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime unavailable';
  }
}

/** The options every bench script has, to spread into its own `parseArgs` options. */
export const COMMON_OPTIONS = {
  out: { type: 'string', default: path.join(BENCH_ROOT, 'results') },
  'no-write': { type: 'boolean', default: false },
  priority: { type: 'string', default: '-10' },
  help: { type: 'boolean', default: false },
} as const;

export const COMMON_USAGE = `  --priority -10                          nice value for the bench and its servers (0 = leave as is)
  --out bench/results                     where to write the results
  --no-write                              print only
`;

/** Where to write results: null with --no-write. */
export function resultsDir(values: { out: string; 'no-write': boolean }): string | null {
  return values['no-write'] ? null : values.out;
}
