/**
 * `pnpm bench`: Rungs, Hocuspocus and the y-websocket relay side by side in one run.
 * Prints a table and writes bench/results/<date>-latency.{json,md}. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summariseProfileDir } from './cpu-profile.ts';
import { runDurability, type DurabilityResult } from './durability.ts';
import { measureFloor } from './floor.ts';
import { runLatencyRow, type LatencyResult, type Scenario } from './latency.ts';
import { machineNote } from './machine.ts';
import { parseOptions } from './options.ts';
import { raisePriority } from './priority.ts';
import { printReport, writeReport, type BenchReport } from './report.ts';
import { startServer, type BenchServer } from './servers/index.ts';

const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const log = (msg: string) =>
  process.stderr.write(`[bench +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
const describe = (s: Scenario) =>
  `${s.editors} editor(s), a keystroke every ${s.minIntervalMs}-${s.maxIntervalMs} ms, ${s.clients} clients`;

// Every provider adds a process 'exit' listener; a hundred of them are expected here.
process.setMaxListeners(0);
const machine = machineNote();
const priority = raisePriority(options.priority);
const servers: BenchServer[] = [];
const labelOf = (id: string) => servers.find((s) => s.id === id)?.label ?? id;
const cleanUp = async () => {
  await Promise.all(servers.map((s) => s.stop().catch(() => {})));
  priority.restore();
};
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  log(`${machine.cores} cores, load average ${os.loadavg()[0]!.toFixed(2)}, priority: ${priority.applied}`);
  for (const id of options.servers) {
    servers.push(
      await startServer(id, {
        dataDir: options.dataDir,
        priority: options.priority || undefined,
        probe: options.probe,
        ...(options.cpuProfileDir ? { cpuProfileDir: path.join(options.cpuProfileDir, id) } : {}),
      }),
    );
  }
  const floorRoundTripMs = await measureFloor();

  // Side by side: for each scenario, every server with its own room, taking turns in slices.
  const latency: LatencyResult[] = [];
  for (const [row, scenario] of options.scenarios.entries()) {
    log(
      `${describe(scenario)}: ${options.latency.durationMs / 1000} s per server in ${options.latency.rounds} turns`,
    );
    const results = await runLatencyRow(servers, scenario, options.latency, log);
    for (const result of results) {
      latency.push({ row, ...result });
      const l = result.latencyMs;
      log(
        `  ${labelOf(result.server)}: p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, max ${l.max.toFixed(1)} ms; ` +
          `CPU cores server ${result.cpuCores.server.toFixed(2)}, clients ${result.cpuCores.client.toFixed(2)}, ` +
          `other ${result.cpuCores.other.toFixed(2)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500)); // let the servers settle (unloads, stores)
  }

  const durability: DurabilityResult[] = [];
  if (options.durability) {
    for (const server of servers) {
      log(`${server.label}: kill -9 mid-burst`);
      durability.push(await runDurability(server, { idleMs: 2_500, burstMs: 3_000, intervalMs: 20 }));
    }
  }

  machine.loadAverageEnd = os.loadavg()[0]!;
  const report: BenchReport = {
    date: new Date().toISOString().slice(0, 10),
    command: ['pnpm bench', ...options.argv].join(' '),
    durationSeconds: (performance.now() - started) / 1000,
    machine: { ...machine, priority: priority.applied },
    settings: options.latency,
    servers: servers.map(({ id, label, configuration, persistence }) => ({
      id,
      label,
      configuration,
      persistence,
    })),
    floorRoundTripMs,
    latency,
    durability,
  };
  printReport(report);
  if (options.out) {
    const files = writeReport(report, options.out);
    log(
      `wrote ${path.relative(process.cwd(), files.json)} and ${path.relative(process.cwd(), files.markdown)}`,
    );
  }
} finally {
  await cleanUp();
}
if (options.cpuProfileDir) {
  for (const server of servers) {
    const dir = path.join(options.cpuProfileDir, server.id);
    if (!fs.existsSync(dir)) continue;
    for (const summary of summariseProfileDir(dir, (file) => `${server.label} (${file})`))
      console.log(`\n${summary}`);
  }
}
process.exit(0);
