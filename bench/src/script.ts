import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { machineNote, type MachineNote } from './machine.ts';
import { raisePriority } from './priority.ts';
import { machineLine, writeResultFiles } from './report.ts';
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

/** What every bench script's report starts with. */
export interface RunHeader {
  date: string;
  command: string;
  durationSeconds: number;
  machine: MachineNote;
  uptimeStart: string;
  uptimeEnd: string;
}

/**
 * One run of a bench script: progress log, machine note, raised priority (restored on `finish`
 * or Ctrl-C, after `cleanUp`), and the results files.
 */
export class BenchRun {
  readonly log = progressLog();
  private readonly started = performance.now();
  private readonly machine = machineNote();
  private readonly uptimeStart = uptimeLine();
  private readonly priority: ReturnType<typeof raisePriority>;

  constructor(
    private readonly command: string,
    nice: number,
    cleanUp: () => Promise<void> = async () => {},
  ) {
    // Every provider adds a process 'exit' listener; hundreds of them are expected here.
    process.setMaxListeners(0);
    this.priority = raisePriority(nice);
    process.once(
      'SIGINT',
      () =>
        void cleanUp().finally(() => {
          this.priority.restore();
          process.exit(130);
        }),
    );
    this.log(`${this.uptimeStart}; priority: ${this.priority.applied}`);
  }

  header(): RunHeader {
    return {
      date: new Date().toISOString().slice(0, 10),
      command: [this.command, ...process.argv.slice(2)].join(' '),
      durationSeconds: (performance.now() - this.started) / 1000,
      machine: { ...this.machine, loadAverageEnd: os.loadavg()[0]!, priority: this.priority.applied },
      uptimeStart: this.uptimeStart,
      uptimeEnd: uptimeLine(),
    };
  }

  /** Writes `<out>/<date>-<name>.{json,md}` unless `out` is null (--no-write). */
  write(out: string | null, name: string, report: RunHeader, markdown: string): void {
    if (!out) return;
    const files = writeResultFiles(out, `${report.date}-${name}`, report, markdown);
    this.log(
      `wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.markdown)}`,
    );
  }

  finish(): void {
    this.priority.restore();
  }
}

/** The Markdown paragraphs under a report's title: the command, the machine, its load. */
export function runIntro(report: RunHeader): string[] {
  return [
    `\`${report.command}\`: one run, ${Math.round(report.durationSeconds)} s: ${machineLine(report.machine)}, ` +
      `${report.machine.kernel}.`,
    '',
    `\`uptime\` at the start: \`${report.uptimeStart}\`; at the end: \`${report.uptimeEnd}\`.`,
  ];
}
