/**
 * `pnpm bench:cluster-durability`: kill -9 of one of two Rungs instances (PostgreSQL + Redis)
 * mid-burst, many times. Prints per-trial and total counts and writes
 * bench/results/<date>-cluster-durability.{json,md}. See bench/README.md.
 */
import { parseArgs } from 'node:util';
import { runDurability, type DurabilityResult } from './durability.ts';
import { DURABILITY_HEADER, durabilityRows, machineLine, markdownTable, textTable } from './report.ts';
import { startRungsCluster, type RungsCluster } from './servers/rungs-cluster.ts';
import { BenchRun, COMMON_OPTIONS, COMMON_USAGE, resultsDir, runIntro, type RunHeader } from './script.ts';

const TRIAL_HEADER = ['trial', ...DURABILITY_HEADER.slice(1)];

const USAGE = `Usage: pnpm bench:cluster-durability [options]
  --trials 20                             kill -9 trials
  --interval 20                           ms between the writer's edits
  --burst 1500-2500                       the kill comes this long (uniform random, ms) into the burst
  --idle 500                              ms of quiet after the clients joined, before the burst
${COMMON_USAGE}`;

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '20' },
    interval: { type: 'string', default: '20' },
    burst: { type: 'string', default: '1500-2500' },
    idle: { type: 'string', default: '500' },
    ...COMMON_OPTIONS,
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const trials = Number(values.trials);
const intervalMs = Number(values.interval);
const idleMs = Number(values.idle);
const [burstMin, burstMax = burstMin] = values.burst.split('-').map(Number) as [number, number?];
const out = resultsDir(values);

interface Trial extends DurabilityResult {
  trial: number;
  burstMs: number;
  /** Both instances' output, kept only for a trial that lost an edit. */
  serverOutput?: Record<string, string>;
}

interface ClusterDurabilityReport extends RunHeader {
  settings: { trials: number; intervalMs: number; idleMs: number; burstMs: [number, number] };
  setup: string[];
  trials: Trial[];
  totals: Pick<
    DurabilityResult,
    'typed' | 'seen' | 'acknowledged' | 'storedAfterRestart' | 'lostAfterSeen' | 'lostAfterAcknowledged'
  >;
}

let cluster: RungsCluster | undefined;
const stopCluster = async () => {
  await cluster?.stop().catch((err: unknown) => run.log(`clean-up failed: ${String(err)}`));
};
const run = new BenchRun('pnpm bench:cluster-durability', Number(values.priority), stopCluster);
const log = run.log;

try {
  cluster = await startRungsCluster({ instances: 2, priority: Number(values.priority) || undefined });
  const [a, b] = cluster.instances as [(typeof cluster.instances)[0], (typeof cluster.instances)[0]];
  log(
    `two instances on ${new URL(cluster.database.url).pathname.slice(1)}, Redis prefix ${cluster.redisPrefix}`,
  );

  const results: Trial[] = [];
  for (let trial = 1; trial <= trials; trial++) {
    const burstMs = Math.round(burstMin + Math.random() * (burstMax - burstMin));
    const result = await runDurability(a, { idleMs, burstMs, intervalMs }, b);
    const t: Trial = { trial, burstMs, ...result };
    if (result.lostEdits.length > 0) {
      t.serverOutput = { [a.label]: a.output?.() ?? '', [b.label]: b.output?.() ?? '' };
      log(`trial ${trial}: LOST edits ${result.lostEdits.join(', ')}`);
    }
    results.push(t);
    log(
      `trial ${trial}: typed ${t.typed}, broadcast ${t.seen}, acknowledged ${t.acknowledged}, ` +
        `stored ${t.storedAfterRestart}, lost ${t.lostAfterSeen}, lost acknowledged ${t.lostAfterAcknowledged} ` +
        `(kill after ${burstMs} ms, restart ${(t.restartMs / 1000).toFixed(1)} s)`,
    );
  }

  const sum = (key: keyof ClusterDurabilityReport['totals']) => results.reduce((n, r) => n + r[key], 0);
  const report: ClusterDurabilityReport = {
    ...run.header(),
    settings: { trials, intervalMs, idleMs, burstMs: [burstMin, burstMax] },
    setup: cluster.instances.map((s) => `${s.label}: ${s.configuration}. Persistence: ${s.persistence}.`),
    trials: results,
    totals: {
      typed: sum('typed'),
      seen: sum('seen'),
      acknowledged: sum('acknowledged'),
      storedAfterRestart: sum('storedAfterRestart'),
      lostAfterSeen: sum('lostAfterSeen'),
      lostAfterAcknowledged: sum('lostAfterAcknowledged'),
    },
  };
  const table = tableRows(report);
  console.log(['', textTable(TRIAL_HEADER, table, 1), '', machineLine(report.machine), ''].join('\n'));
  if (report.totals.lostAfterSeen > 0 || report.totals.lostAfterAcknowledged > 0) {
    for (const t of results.filter((r) => r.serverOutput)) {
      console.log(`\nTrial ${t.trial} lost ${t.lostEdits.join(', ')}; server output:`);
      for (const [label, output] of Object.entries(t.serverOutput!)) console.log(`== ${label}\n${output}`);
    }
  }
  run.write(out, 'cluster-durability', report, markdown(report));
} finally {
  await stopCluster();
  run.finish();
}
process.exit(0);

function tableRows(report: ClusterDurabilityReport): string[][] {
  const rows = durabilityRows(report.trials, (d) => `trial ${(d as Trial).trial}`);
  const t = report.totals;
  const total = [
    t.typed,
    t.seen,
    t.acknowledged,
    t.storedAfterRestart,
    t.lostAfterSeen,
    t.lostAfterAcknowledged,
  ];
  return [...rows, ['total', ...total.map(String)]];
}

function markdown(report: ClusterDurabilityReport): string {
  const s = report.settings;
  const t = report.totals;
  return (
    [
      `# Cluster durability: kill -9 of one of two Rungs instances mid-burst (${report.date})`,
      '',
      ...runIntro(report),
      '',
      '## Setup',
      '',
      'Two `rungs serve` processes (A and B) on one fresh PostgreSQL database (created for the run, dropped ' +
        'after), fanning out through Redis under a prefix of their own:',
      '',
      ...report.setup.map((l) => `- ${l}`),
      '',
      '## Each trial',
      '',
      `- A new ladder is created on A. An observer (a y-websocket provider) joins its draft on **B**, a writer ` +
        `(also a provider, reading Rungs' "stored" acknowledgement, message 100, with the browser's own ` +
        '`web/src/collab/persisted.ts`) joins it on **A**.',
      `- After ${s.idleMs} ms of quiet the writer types numbered edits, one every ${s.intervalMs} ms. ` +
        `${s.burstMs[0]}–${s.burstMs[1]} ms into the burst (uniform random) A gets \`kill -9\`, and the writer is ` +
        'destroyed at once, so that it cannot resend anything: only what A stored can survive.',
      '- "seen by another editor" (**broadcast**): edits the observer on B had received 300 ms after the kill; ' +
        'B only relays what A published to Redis, which A does after storing. "acknowledged": edits A had ' +
        'acknowledged to the writer as stored when it died.',
      '- A is restarted on the same database (this is also the restart between trials) and a fresh client reads ' +
        'the document from it: a restarted instance loads from SQL, so "after restart" is what SQL holds. ' +
        '**lost** = broadcast (or acknowledged) edits missing from it. The goal is 0.',
      '',
      '## Results',
      '',
      markdownTable(TRIAL_HEADER, tableRows(report), 1),
      '',
      `Totals: ${t.seen} broadcast, ${t.lostAfterSeen} lost; ${t.acknowledged} acknowledged, ` +
        `${t.lostAfterAcknowledged} lost.`,
    ].join('\n') + '\n'
  );
}
