import fs from 'node:fs';
import path from 'node:path';
import type { DurabilityResult } from './durability.ts';
import type { LatencyResult, LatencySettings, Scenario } from './latency.ts';
import type { MachineNote } from './machine.ts';
import type { BenchServer } from './servers/index.ts';
import type { LatencySummary } from './stats.ts';

export interface BenchReport {
  date: string;
  command: string;
  durationSeconds: number;
  machine: MachineNote;
  settings: LatencySettings;
  servers: Pick<BenchServer, 'id' | 'label' | 'configuration' | 'persistence'>[];
  floorRoundTripMs?: LatencySummary;
  latency: LatencyResult[];
  durability: DurabilityResult[];
}

export const ms = (v: number) => (!Number.isFinite(v) ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const cores = (v: number) => v.toFixed(2);
const interval = (s: Scenario) => `${s.minIntervalMs}–${s.maxIntervalMs}`;
const rowKey = (r: LatencyResult) =>
  r.row ?? `${r.scenario.editors}@${interval(r.scenario)}/${r.scenario.clients}`;

function labelOf(report: BenchReport, id: string): string {
  return report.servers.find((s) => s.id === id)?.label ?? id;
}

const LATENCY_HEADER = [
  'server',
  'editors',
  'interval ms',
  'clients',
  'samples',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'edits/s',
  'deliveries/s',
  'not arrived',
  'CPU server / clients / other',
];

function latencyRows(report: BenchReport): string[][] {
  return report.latency.map((r) => [
    labelOf(report, r.server),
    String(r.scenario.editors),
    interval(r.scenario),
    r.scenario.clients,
    String(r.latencyMs.count),
    ms(r.latencyMs.p50),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    ms(r.latencyMs.max),
    r.keystrokesPerSecond.toFixed(0),
    r.deliveriesPerSecond.toFixed(0),
    r.notArrived === 0 ? '0' : `${r.notArrived} of ${r.expectedDeliveries}`,
    `${cores(r.cpuCores.server)} / ${cores(r.cpuCores.client)} / ${cores(r.cpuCores.other)}`,
  ]);
}

export const DURABILITY_HEADER = [
  'server',
  'typed',
  'seen by another editor',
  'acknowledged',
  'after restart',
  'seen, then lost',
  'acknowledged, then lost',
];

/** One row per durability result; `label` names the row (the server, a trial). */
export function durabilityRows(
  results: DurabilityResult[],
  label: (d: DurabilityResult) => string,
): string[][] {
  return results.map((d) => [
    label(d),
    String(d.typed),
    String(d.seen),
    String(d.acknowledged),
    String(d.storedAfterRestart),
    String(d.lostAfterSeen),
    String(d.lostAfterAcknowledged),
  ]);
}

/** Rungs' p99 against each reference's, per scenario. */
export function comparisons(report: BenchReport): string[] {
  const lines: string[] = [];
  const keys = [...new Set(report.latency.map(rowKey))];
  for (const key of keys) {
    const rows = report.latency.filter((r) => rowKey(r) === key);
    const rungs = rows.find((r) => r.server === 'rungs');
    if (!rungs) continue;
    const parts = rows
      .filter((r) => r !== rungs)
      .map((r) => `${(rungs.latencyMs.p99 / r.latencyMs.p99).toFixed(2)}× ${labelOf(report, r.server)}'s`);
    const s = rungs.scenario;
    if (parts.length) {
      const editors = `${s.editors} editor${s.editors === 1 ? '' : 's'}`;
      lines.push(`${editors}, ${interval(s)} ms, ${s.clients} clients: Rungs p99 = ${parts.join(', ')}`);
    }
  }
  return lines;
}

export function textTable(header: string[], rows: string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][], leftColumns: number): string {
  const escape = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map((_, i) => (i < leftColumns ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function machineLine(m: MachineNote): string {
  return (
    `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; load average ` +
    `${m.loadAverageStart.toFixed(2)} at start, ${m.loadAverageEnd?.toFixed(2) ?? '?'} at end; ` +
    `priority: ${m.priority ?? 'none'}`
  );
}

export function printReport(report: BenchReport): void {
  const out = ['', 'Edit → other editors latency (every keystroke timed at every other client)', ''];
  out.push(textTable(LATENCY_HEADER, latencyRows(report), 4), '', ...comparisons(report));
  if (report.floorRoundTripMs) {
    const f = report.floorRoundTripMs;
    out.push('', `Floor: bare ws echo round trip p50 ${ms(f.p50)} ms, p99 ${ms(f.p99)} ms`);
  }
  if (report.durability.length) {
    out.push('', 'Durability: kill -9 mid-burst, restart on the same storage', '');
    out.push(
      textTable(
        DURABILITY_HEADER,
        durabilityRows(report.durability, (d) => labelOf(report, d.server)),
        1,
      ),
    );
  }
  out.push('', machineLine(report.machine), '');
  console.log(out.join('\n'));
}

export function markdownReport(report: BenchReport): string {
  const s = report.settings;
  const m = report.machine;
  const lines = [
    `# Collaboration latency: Rungs beside Hocuspocus and the y-websocket relay (${report.date})`,
    '',
    `\`${report.command}\`: one run, ${Math.round(report.durationSeconds)} s, on one machine: ` +
      `${machineLine(m)}, ${m.kernel}.`,
    '',
    `**The machine has ${m.cores} cores.** Every server runs in its own child process; all clients of a row ` +
      'share the bench process; so a server and its clients compete for the same cores, and so does ' +
      'everything else running on the machine ("other" in the CPU column, in cores: other people’s test ' +
      'runs included). The bench raises its own and its servers’ scheduling priority alike (see priority).',
    '',
    '## Scenario',
    '',
    '- N editors plus one observer join the same ladder document (4 levels × 5 competencies, each cell a ' +
      'root `Y.XmlFragment` as Tiptap writes it). Each editor types one character at a time into the first ' +
      'paragraph of its own cell (several editors share a cell at 100) with a uniform random pause between ' +
      'keystrokes (the interval column)' +
      (s.awareness
        ? ', and moves its awareness cursor on every keystroke as an editor’s caret plugin does.'
        : '.'),
    `- Each server gets ${s.durationMs / 1000} s of typing per row; its first ${s.warmupMs / 1000} s are warm-up ` +
      'and not measured. Every measured keystroke is timed from the moment it is typed until each other client ' +
      '(every other editor and the observer) has it: its Yjs state for the author reaches the keystroke’s clock.',
    `- Side by side: for each row every server has its own room connected for the whole row, and the servers ` +
      `take turns typing in ${s.rounds} rounds of ${s.durationMs / s.rounds / 1000} s slices (the order rotates ` +
      'each round; after each slice the bench waits up to ' +
      `${s.sliceDrainMs / 1000} s for its keystrokes to arrive), so that whatever else the machine does ` +
      'falls on all of them alike.',
    '- Clients: **provider** = real clients over `ws`, y-websocket 3 `WebsocketProvider` for Rungs and the ' +
      'relay, `@hocuspocus/provider` 4.8.0 for Hocuspocus, each applying every update to its own `Y.Doc`. ' +
      '**raw** = a lean y-protocols client (bench/src/raw-client.ts) sending the same messages, echoing every ' +
      'new awareness state back as both providers do, but only decoding other editors’ updates: a hundred ' +
      'providers in one process saturate it and would measure the bench instead of the server.',
    `- "not arrived" counts deliveries still outstanding ${s.drainMs / 1000} s after the last slice (a server ` +
      'that fell behind). "edits/s" is what the editors actually typed: when the bench process is saturated ' +
      'its timers slip, so a server that sends clients more messages gets fewer edits to carry.',
    '',
    '## Servers',
    '',
    ...report.servers.map((sv) => `- **${sv.label}**: ${sv.configuration}. Persistence: ${sv.persistence}.`),
    '',
    '**Rungs persists every update before it broadcasts it; the references do not** (Hocuspocus stores a ' +
      'debounced full-document snapshot, the y-websocket relay keeps everything in memory).',
    '',
    '## Latency',
    '',
    markdownTable(LATENCY_HEADER, latencyRows(report), 4),
    '',
    ...comparisons(report).map((l) => `- ${l}`),
  ];
  if (report.floorRoundTripMs) {
    const f = report.floorRoundTripMs;
    lines.push(
      '',
      'Floor on this machine: a bare `ws` echo round trip to another process, paced 0–40 ms apart: ' +
        `p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms, p99 ${ms(f.p99)} ms, max ${ms(f.max)} ms.`,
    );
  }
  if (report.durability.length) {
    lines.push(
      '',
      '## Durability',
      '',
      'One writer types numbered edits (one every 20 ms) while another editor watches; the document had been ' +
        'idle for 2.5 s first, long enough for a debounced store to save it. After 3 s of the burst the ' +
        'server gets `kill -9`, the clients are closed (so no provider can resend), the server restarts on ' +
        'the same storage and a fresh client reads the document. A server that keeps nothing on disk ' +
        '(the relay) restarts empty by design.',
      '',
      markdownTable(
        DURABILITY_HEADER,
        durabilityRows(report.durability, (d) => labelOf(report, d.server)),
        1,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

export function writeReport(report: BenchReport, dir: string): { json: string; markdown: string } {
  return writeResultFiles(dir, `${report.date}-latency`, report, markdownReport(report));
}

/** `<dir>/<name>.json` (the report as data) and `<dir>/<name>.md`. */
export function writeResultFiles(
  dir: string,
  name: string,
  report: unknown,
  markdown: string,
): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, name);
  fs.writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(`${base}.md`, markdown);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
