/**
 * Preloaded into a server with `pnpm bench --probe`: every 3 s prints the server's event-loop
 * delay, event-loop utilisation and its garbage collections to stderr, which the bench echoes.
 * Diagnostics only: its 10 ms timer keeps the server from ever sleeping long, which itself
 * changes wake-up latency a little.
 */
import path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

const GC_KINDS: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'major', 8: 'incremental', 16: 'weak' };
const name = path.basename(process.argv[1] ?? 'server');
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let pauses: { ms: number; kind: string }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
    pauses.push({ ms: e.duration, kind: GC_KINDS[kind] ?? String(kind) });
  }
}).observe({ entryTypes: ['gc'] });
let elu = performance.eventLoopUtilization();

setInterval(() => {
  const used = performance.eventLoopUtilization(elu);
  elu = performance.eventLoopUtilization();
  const longest = pauses.sort((a, b) => b.ms - a.ms).slice(0, 3);
  const lateMs = (ns: number) => Math.max(0, ns / 1e6 - 10).toFixed(1);
  process.stderr.write(
    `[probe ${name}] loop late p99 ${lateMs(delay.percentile(99))} max ${lateMs(delay.max)} ms, ` +
      `busy ${(used.utilization * 100).toFixed(0)}%, ${pauses.length} GCs, longest ` +
      `${longest.map((p) => `${p.ms.toFixed(1)} ms ${p.kind}`).join(', ') || '-'}, ` +
      `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB\n`,
  );
  delay.reset();
  pauses = [];
}, 3000).unref();
