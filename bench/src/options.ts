import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ClientKind } from './clients.ts';
import type { LatencySettings, Scenario } from './latency.ts';
import { SERVER_IDS, type ServerId } from './servers/index.ts';
import { BENCH_ROOT } from './servers/process.ts';

export const USAGE = `Usage: pnpm bench [options]
  --servers rungs,hocuspocus,y-websocket  which servers (default: all three)
  --editors 1,10,100,100@1000-2000        editor counts; N@MIN-MAX gives that row its own
                                          keystroke interval (default interval: --interval)
  --interval 100-200                      ms between one editor's keystrokes
  --clients auto                          provider | raw | auto (providers up to 10 editors, raw above)
  --seconds 10                            typing time per server and row, warm-up included
  --rounds 4                              servers take turns typing in this many slices per row
  --warmup 1                              seconds of typing not measured
  --no-awareness                          do not move awareness cursors
  --no-durability                         skip the kill -9 durability bench
  --priority -10                          nice value for the bench and its servers (0 = leave as is)
  --probe                                 print each server's event-loop delay and GC pauses
  --cpu-prof DIR                          profile each server's CPU (node --cpu-prof) into DIR/<server>
                                          and print where its time went
  --data-dir DIR                          where servers store (default: the OS temp dir)
  --out bench/results                     where to write <date>-latency.{json,md}
  --no-write                              print only
`;

export interface BenchOptions {
  servers: ServerId[];
  scenarios: Scenario[];
  latency: LatencySettings;
  durability: boolean;
  priority: number;
  probe: boolean;
  cpuProfileDir?: string;
  dataDir?: string;
  out: string | null;
  /** The command line as given, for the report. */
  argv: string[];
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      servers: { type: 'string', default: SERVER_IDS.join(',') },
      editors: { type: 'string', default: '1,10,100,100@1000-2000' },
      interval: { type: 'string', default: '100-200' },
      clients: { type: 'string', default: 'auto' },
      seconds: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '1' },
      'no-awareness': { type: 'boolean', default: false },
      'no-durability': { type: 'boolean', default: false },
      priority: { type: 'string', default: '-10' },
      probe: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'data-dir': { type: 'string' },
      out: { type: 'string', default: path.join(BENCH_ROOT, 'results') },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const fail = (msg: string): never => {
    throw new Error(`${msg}\n\n${USAGE}`);
  };
  const servers = values.servers.split(',').map((s) => s.trim()) as ServerId[];
  for (const id of servers) if (!SERVER_IDS.includes(id)) fail(`Unknown server "${id}".`);
  if (!['auto', 'provider', 'raw'].includes(values.clients)) fail(`Unknown --clients "${values.clients}".`);
  const interval = (text: string): [number, number] => {
    const [min, max = min] = text.split('-').map(Number) as [number, number?];
    if (!(min > 0) || !(max >= min)) fail(`Bad interval "${text}" (want MIN-MAX in ms).`);
    return [min, max];
  };
  const [defaultMin, defaultMax] = interval(values.interval);
  const scenarios = values.editors.split(',').map((entry): Scenario => {
    const [count, own] = entry.trim().split('@') as [string, string?];
    const editors = Number(count);
    if (!Number.isInteger(editors) || editors < 1) fail(`Bad editor count "${entry}".`);
    const [minIntervalMs, maxIntervalMs] = own ? interval(own) : [defaultMin, defaultMax];
    const clients: ClientKind =
      values.clients === 'auto' ? (editors <= 10 ? 'provider' : 'raw') : (values.clients as ClientKind);
    return { editors, minIntervalMs, maxIntervalMs, clients };
  });
  return {
    servers,
    scenarios,
    latency: {
      durationMs: Number(values.seconds) * 1000,
      warmupMs: Number(values.warmup) * 1000,
      rounds: Math.max(1, Number(values.rounds)),
      sliceDrainMs: 1_000,
      awareness: !values['no-awareness'],
      drainMs: 3_000,
    },
    durability: !values['no-durability'],
    priority: Number(values.priority),
    probe: values.probe,
    ...(values['cpu-prof'] ? { cpuProfileDir: path.resolve(values['cpu-prof']) } : {}),
    dataDir: values['data-dir'],
    out: values['no-write'] ? null : values.out,
    argv,
  };
}
