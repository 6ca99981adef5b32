/**
 * `pnpm bench:scale`: many clients over many documents, typing at a person's pace, on one Rungs
 * process (SQLite, PostgreSQL) and on two instances (PostgreSQL + Redis) with the clients split
 * across them. Prints edit latency, server memory and errors per setup and writes
 * bench/results/<date>-scale.{json,md}. See bench/README.md.
 */
import { parseArgs } from 'node:util';
import { CpuMeter } from './cpu.ts';
import type { LatencyResult } from './latency.ts';
import type { ConnectionEvents } from './editor.ts';
import { RssSampler, type RssFigures } from './memory.ts';
import {
  histogramSince,
  parseCounter,
  parseHistogram,
  quantileUpperBound,
  type Histogram,
} from './prometheus.ts';
import { machineLine, markdownTable, ms, textTable } from './report.ts';
import { TypingRoom } from './room.ts';
import { startRungsCluster } from './servers/rungs-cluster.ts';
import { startHocuspocus } from './servers/hocuspocus.ts';
import { startRungs } from './servers/rungs.ts';
import type { BenchServer } from './servers/types.ts';
import { BenchRun, COMMON_OPTIONS, COMMON_USAGE, resultsDir, runIntro, type RunHeader } from './script.ts';
import { Samples, type LatencySummary } from './stats.ts';

const SETUPS = ['sqlite', 'postgres', 'cluster', 'hocuspocus'] as const;
type Setup = (typeof SETUPS)[number];
const SETUP_LABELS: Record<Setup, string> = {
  sqlite: 'one process, SQLite',
  postgres: 'one process, PostgreSQL',
  cluster: 'two instances, PostgreSQL + Redis',
  hocuspocus: 'anchor: Hocuspocus 4.7, one process, its SQLite extension',
};
/** Documents joining at once. */
const JOIN_CONCURRENCY = 5;
const GOAL_P99_MS = 50;

const USAGE = `Usage: pnpm bench:scale [options]
  --clients 1000                          clients in all (raw clients, see raw-client.ts)
  --documents 100                         documents they are spread over, equally
  --seconds 30                            typing time per setup, warm-up included
  --warmup 5                              seconds of typing not measured
  --interval 1000-2000                    ms between one client's keystrokes (uniform random)
  --setups sqlite,postgres,cluster,hocuspocus
                                          which setups, in this order (hocuspocus: the anchor,
                                          Hocuspocus 4.7 with its SQLite extension, one process)
  --no-awareness                          do not move awareness cursors
${COMMON_USAGE}`;

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    documents: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    interval: { type: 'string', default: '1000-2000' },
    setups: { type: 'string', default: SETUPS.join(',') },
    'no-awareness': { type: 'boolean', default: false },
    ...COMMON_OPTIONS,
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const settings = {
  clients: Number(values.clients),
  documents: Number(values.documents),
  durationMs: Number(values.seconds) * 1000,
  warmupMs: Number(values.warmup) * 1000,
  minIntervalMs: Number(values.interval.split('-')[0]),
  maxIntervalMs: Number(values.interval.split('-')[1] ?? values.interval.split('-')[0]),
  awareness: !values['no-awareness'],
  drainMs: 5_000,
};
const setups = values.setups.split(',').map((s) => s.trim()) as Setup[];
for (const s of setups) if (!SETUPS.includes(s)) throw new Error(`Unknown setup "${s}".\n\n${USAGE}`);
const out = resultsDir(values);

/**
 * As a latency row (latency.ts), where `cpuCores.server` is all server processes together and
 * `cpuCores.client` the bench process.
 */
interface SetupResult extends Pick<
  LatencyResult,
  | 'measuredSeconds'
  | 'keystrokes'
  | 'expectedDeliveries'
  | 'deliveries'
  | 'notArrived'
  | 'latencyMs'
  | 'keystrokesPerSecond'
  | 'cpuCores'
> {
  setup: Setup;
  label: string;
  servers: string[];
  clients: number;
  documents: number;
  joinSeconds: number;
  /** Two instances: author and receiver on the same instance, and on different ones. */
  sameInstanceLatencyMs?: LatencySummary;
  crossInstanceLatencyMs?: LatencySummary;
  /** Resident memory of each server process and of the bench process, MiB. */
  memory: Record<string, RssFigures>;
  errors: {
    clientSocketErrors: number;
    unexpectedCloses: number;
    serverWarnLines: number;
    serverErrorLines: number;
  };
  /** Each server's group commits while measured keystrokes were typed (from its /metrics). */
  commits: Record<string, CommitFigures>;
  /** Each server's catch-ups from SQL and refused messages over the whole setup (non-zero only). */
  counters: Record<string, Record<string, number>>;
  /** Server log lines at warn level or above, counted by message. */
  serverLogMessages: Record<string, number>;
}

interface CommitFigures {
  commits: number;
  meanMs: number;
  /** Upper bounds of the histogram buckets holding the median and the 99th percentile. */
  p50AtMostMs: number;
  p99AtMostMs: number;
  meanBatchSize: number;
}

/** Counters read at the end of a setup: catch-ups from SQL and refused messages, by reason. */
const COUNTERS = ['rungs_resyncs_total', 'rungs_refused_messages_total'];

async function scrape(
  servers: BenchServer[],
): Promise<{ latency: Histogram; batch: Histogram; counters: Record<string, number> }[]> {
  return Promise.all(
    servers.map(async (s) => {
      const text = (await s.metrics?.().catch(() => '')) ?? '';
      const counters: Record<string, number> = {};
      for (const name of COUNTERS)
        for (const [labels, n] of Object.entries(parseCounter(text, name)))
          if (n > 0) counters[name + labels] = n;
      return {
        latency: parseHistogram(text, 'rungs_commit_latency_seconds'),
        batch: parseHistogram(text, 'rungs_commit_batch_size'),
        counters,
      };
    }),
  );
}

function commitFigures(
  later: Histogram,
  earlier: Histogram,
  laterBatch: Histogram,
  earlierBatch: Histogram,
): CommitFigures {
  const latency = histogramSince(later, earlier);
  const batch = histogramSince(laterBatch, earlierBatch);
  return {
    commits: latency.count,
    meanMs: (latency.sum / latency.count) * 1000,
    p50AtMostMs: quantileUpperBound(latency, 0.5) * 1000,
    p99AtMostMs: quantileUpperBound(latency, 0.99) * 1000,
    meanBatchSize: batch.sum / batch.count,
  };
}

interface ScaleReport extends RunHeader {
  settings: typeof settings;
  results: SetupResult[];
}

let stopServers: (() => Promise<void>) | undefined;
const run = new BenchRun('pnpm bench:scale', Number(values.priority), async () => {
  await stopServers?.();
});
const log = run.log;

async function startSetup(setup: Setup): Promise<{ servers: BenchServer[]; stop: () => Promise<void> }> {
  const options = {
    priority: Number(values.priority) || undefined,
    // Every client signs in as the one bench admin.
    env: { RUNGS_WS_MAX_CONNECTIONS_PER_USER: String(settings.clients + 10) },
  };
  if (setup === 'sqlite') {
    const server = await startRungs(options);
    return { servers: [server], stop: () => server.stop() };
  }
  if (setup === 'hocuspocus') {
    const server = await startHocuspocus({ priority: options.priority });
    return { servers: [server], stop: () => server.stop() };
  }
  const cluster = await startRungsCluster({
    ...options,
    instances: setup === 'cluster' ? 2 : 1,
    redis: setup === 'cluster',
  });
  return { servers: cluster.instances, stop: () => cluster.stop() };
}

function clientsFor(document: number): number {
  const { clients, documents } = settings;
  return Math.floor(clients / documents) + (document < clients % documents ? 1 : 0);
}

function merged(rooms: TypingRoom[], pick: (room: TypingRoom) => Samples): Samples {
  const all = new Samples();
  for (const room of rooms) all.append(pick(room));
  return all;
}

const LOG_LEVEL = /"level":(\d+)/;
const LOG_MSG = /"msg":"((?:[^"\\]|\\.)*)"/;

async function runSetup(setup: Setup): Promise<SetupResult> {
  const { servers, stop } = await startSetup(setup);
  stopServers = stop;
  const errors = { clientSocketErrors: 0, unexpectedCloses: 0, serverWarnLines: 0, serverErrorLines: 0 };
  const events: ConnectionEvents = {
    onError: () => errors.clientSocketErrors++,
    onClose: () => errors.unexpectedCloses++,
  };
  const memory = new RssSampler({
    ...Object.fromEntries(servers.map((s) => [s.label, () => s.pid()])),
    bench: () => process.pid,
  });
  const rooms: TypingRoom[] = [];
  try {
    const joinStart = performance.now();
    for (let d = 0; d < settings.documents; d += JOIN_CONCURRENCY) {
      const batch = Array.from({ length: Math.min(JOIN_CONCURRENCY, settings.documents - d) }, (_, k) =>
        TypingRoom.join(servers[0]!, clientsFor(d + k), 'raw', {
          endpoints: servers,
          observer: false,
          events,
        }),
      );
      const joined = await Promise.allSettled(batch);
      for (const j of joined) if (j.status === 'fulfilled') rooms.push(j.value);
      const failed = joined.find((j) => j.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const joinSeconds = (performance.now() - joinStart) / 1000;
    log(
      `  ${settings.clients} clients joined ${settings.documents} documents in ${joinSeconds.toFixed(1)} s`,
    );

    const start = performance.now();
    const measureFrom = start + settings.warmupMs;
    const endsAt = start + settings.durationMs;
    const meter = new CpuMeter(() => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0));
    meter.measureBetween(measureFrom, endsAt);
    const typing = Promise.all(rooms.map((room) => room.type({ ...settings, endsAt, measureFrom })));
    await new Promise((r) => setTimeout(r, settings.warmupMs));
    const commitsBefore = await scrape(servers);
    await typing;
    await meter.settled();
    const commitsAfter = await scrape(servers);
    await Promise.all(rooms.map((room) => room.drain(settings.drainMs)));
    const rss = memory.stop();

    const latency = merged(rooms, (r) => r.tracker.samples);
    const keystrokes = rooms.reduce((n, r) => n + r.tracker.measuredKeystrokes, 0);
    const expectedDeliveries = rooms.reduce((n, r) => n + r.tracker.expectedDeliveries, 0);
    const logLines = servers.flatMap((s) => (s.output?.() ?? '').split('\n'));
    const levelled = logLines.filter((l) => Number(LOG_LEVEL.exec(l)?.[1] ?? 0) >= 40);
    const serverLogMessages: Record<string, number> = {};
    for (const line of levelled) {
      const level = Number(LOG_LEVEL.exec(line)![1]);
      if (level >= 50) errors.serverErrorLines++;
      else errors.serverWarnLines++;
      const msg = `${level >= 50 ? 'error' : 'warn'}: ${LOG_MSG.exec(line)?.[1] ?? line.slice(0, 80)}`;
      serverLogMessages[msg] = (serverLogMessages[msg] ?? 0) + 1;
    }
    return {
      setup,
      label: SETUP_LABELS[setup],
      servers: servers.map((s) => `${s.label}: ${s.configuration}`),
      clients: settings.clients,
      documents: settings.documents,
      joinSeconds,
      measuredSeconds: meter.seconds,
      keystrokes,
      expectedDeliveries,
      deliveries: latency.count,
      notArrived: Math.max(0, expectedDeliveries - latency.count),
      latencyMs: latency.summary(),
      ...(servers.length > 1
        ? {
            sameInstanceLatencyMs: merged(rooms, (r) => r.tracker.localSamples).summary(),
            crossInstanceLatencyMs: merged(rooms, (r) => r.tracker.crossSamples).summary(),
          }
        : {}),
      keystrokesPerSecond: keystrokes / meter.seconds,
      cpuCores: meter.use(),
      memory: rss,
      errors,
      commits: Object.fromEntries(
        servers.map((srv, i) => [
          srv.label,
          commitFigures(
            commitsAfter[i]!.latency,
            commitsBefore[i]!.latency,
            commitsAfter[i]!.batch,
            commitsBefore[i]!.batch,
          ),
        ]),
      ),
      counters: Object.fromEntries(servers.map((srv, i) => [srv.label, commitsAfter[i]!.counters])),
      serverLogMessages,
    };
  } finally {
    memory.stop();
    for (const room of rooms) room.destroy();
    await stop();
    stopServers = undefined;
  }
}

const HEADER = [
  'setup',
  'samples',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'edits/s',
  'not arrived',
  'CPU servers / bench / other',
  'server RSS peak / end MiB',
  'errors / closes',
];

function rows(results: SetupResult[]): string[][] {
  const row = (label: string, r: SetupResult, l: LatencySummary, whole: boolean): string[] => [
    label,
    String(l.count),
    ms(l.p50),
    ms(l.p95),
    ms(l.p99),
    ms(l.max),
    whole ? r.keystrokesPerSecond.toFixed(0) : '',
    whole ? (r.notArrived === 0 ? '0' : `${r.notArrived} of ${r.expectedDeliveries}`) : '',
    whole
      ? [r.cpuCores.server, r.cpuCores.client, r.cpuCores.other].map((c) => c.toFixed(2)).join(' / ')
      : '',
    whole
      ? Object.entries(r.memory)
          .filter(([name]) => name !== 'bench')
          .map(([, m]) => `${m.peakMiB.toFixed(0)} / ${m.endMiB.toFixed(0)}`)
          .join(', ')
      : '',
    whole ? `${r.errors.clientSocketErrors + r.errors.serverErrorLines} / ${r.errors.unexpectedCloses}` : '',
  ];
  return results.flatMap((r) => [
    row(r.label, r, r.latencyMs, true),
    ...(r.sameInstanceLatencyMs ? [row('  same instance', r, r.sameInstanceLatencyMs, false)] : []),
    ...(r.crossInstanceLatencyMs ? [row('  across instances', r, r.crossInstanceLatencyMs, false)] : []),
  ]);
}

function verdicts(results: SetupResult[]): string[] {
  const anchor = results.find((r) => r.setup === 'hocuspocus');
  return results.map((r) => {
    const met = r.latencyMs.p99 < GOAL_P99_MS && r.notArrived === 0;
    const bench = r.cpuCores.client;
    const ratio =
      anchor && r !== anchor ? ` (${(r.latencyMs.p99 / anchor.latencyMs.p99).toFixed(2)}× the anchor's)` : '';
    return (
      `${r.label}: p99 ${ms(r.latencyMs.p99)} ms${ratio}, goal p99 < ${GOAL_P99_MS} ms ${met ? 'met' : 'NOT met'}` +
      (r.notArrived > 0 ? ` (${r.notArrived} deliveries never arrived)` : '') +
      `; bench process ${bench.toFixed(2)} cores${bench > 0.85 ? ' (saturated: the tail includes the bench’s own delay)' : ''}` +
      `; bench RSS peak ${r.memory.bench?.peakMiB.toFixed(0) ?? '?'} MiB` +
      `; group commits: ${Object.entries(r.commits)
        .filter(([, c]) => c.commits > 0 || r.setup !== 'hocuspocus')
        .map(
          ([name, c]) =>
            `${name} ${c.commits} (${(c.commits / r.measuredSeconds).toFixed(0)}/s, mean ${ms(c.meanMs)} ms, ` +
            `p50 ≤ ${ms(c.p50AtMostMs)} ms, p99 ≤ ${ms(c.p99AtMostMs)} ms, ${c.meanBatchSize.toFixed(1)} updates each)`,
        )
        .join(', ')}` +
      `; counters: ${
        Object.entries(r.counters)
          .flatMap(([name, c]) => Object.entries(c).map(([k, n]) => `${name} ${k} ${n}`))
          .join(', ') || 'no resyncs, no refusals'
      }` +
      `; server log lines: ${
        Object.entries(r.serverLogMessages)
          .map(([msg, n]) => `${n}× "${msg}"`)
          .join(', ') || 'none at warn or above'
      }`
    );
  });
}

function markdown(report: ScaleReport): string {
  const s = report.settings;
  const perDoc = s.clients / s.documents;
  return (
    [
      `# Scale: ${s.clients} clients over ${s.documents} documents (${report.date})`,
      '',
      ...runIntro(report),
      '',
      '## Scenario',
      '',
      `- ${s.documents} ladder documents (drafts created over REST), ${perDoc} clients each, all of them raw clients ` +
        '(`raw-client.ts`: the providers’ messages, other editors’ updates decoded but not applied) in the bench ' +
        'process. Each client types one character at a time into its own cell with a uniform random pause of ' +
        `${s.minIntervalMs}–${s.maxIntervalMs} ms` +
        (s.awareness
          ? ', moving its awareness cursor on every keystroke (and echoing others’ awareness as providers do).'
          : '.'),
      `- ${s.durationMs / 1000} s of typing per setup, the first ${s.warmupMs / 1000} s not measured. Latency: from a ` +
        'keystroke to each other client of the same document having it, over every (keystroke, receiver) pair. ' +
        'With two instances the clients of each document alternate between A and B, so about half the pairs ' +
        'cross instances (A stores, publishes to Redis, B applies and broadcasts).',
      '- Memory: VmRSS of each server process, sampled every 250 ms from before the clients join until the last ' +
        'keystroke has arrived (peak) and at that end. CPU: cores used while measured keystrokes were typed, by the ' +
        'server processes together, the bench process, and everything else on the machine.',
      `- Errors: client socket errors plus server log lines at error level / unexpected client disconnects. ` +
        `The goal: p99 < ${GOAL_P99_MS} ms on this ${report.machine.cores}-core machine.`,
      '',
      '## Setups',
      '',
      ...report.results.flatMap((r) => [`- **${r.label}**:`, ...r.servers.map((l) => `  - ${l}`)]),
      '',
      '## Results',
      '',
      markdownTable(HEADER, rows(report.results), 1),
      '',
      ...verdicts(report.results).map((v) => `- ${v}`),
    ].join('\n') + '\n'
  );
}

try {
  const results: SetupResult[] = [];
  for (const setup of setups) {
    log(`${SETUP_LABELS[setup]}: ${settings.clients} clients, ${settings.documents} documents`);
    const r = await runSetup(setup);
    results.push(r);
    log(`  p50 ${ms(r.latencyMs.p50)} ms, p99 ${ms(r.latencyMs.p99)} ms, not arrived ${r.notArrived}`);
  }
  const report: ScaleReport = {
    ...run.header(),
    settings,
    results,
  };
  console.log(
    [
      '',
      textTable(HEADER, rows(results), 1),
      '',
      ...verdicts(results),
      '',
      machineLine(report.machine),
      '',
    ].join('\n'),
  );
  run.write(out, 'scale', report, markdown(report));
} finally {
  run.finish();
}
process.exit(0);
