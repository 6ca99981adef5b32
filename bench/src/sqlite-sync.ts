/**
 * `pnpm bench:sqlite-sync`: what SQLite `synchronous=FULL` costs Rungs' group commit on this disk,
 * against `NORMAL`. The real store and group committer append real Yjs updates to a fresh SQLite
 * file (WAL) per mode; the modes take turns in rounds so other work on the machine falls on both.
 * Prints a table and writes bench/results/<date>-sqlite-synchronous.md (unless --no-write).
 *
 * Options: --data-dir DIR (where the SQLite files go; default the OS temp dir, which must be on the
 * disk being measured), --seconds N (per mode, round and scenario; default 3), --rounds N (default 3).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import * as Y from 'yjs';
import { migrateToLatest } from '@rungs/migrations';
import { connectDatabase, type Db } from '@rungs/server';
import { DocumentStore } from '@rungs/server/collab/document-store';
import { GroupCommitter } from '@rungs/server/collab/group-commit';
import { machineNote } from './machine.ts';
import { Samples, type LatencySummary } from './stats.ts';

type Mode = 'NORMAL' | 'FULL';
const MODES: Mode[] = ['NORMAL', 'FULL'];
/** Concurrent writers, each waiting for its update to be stored before sending the next (as an editor's "saved"). */
const WRITER_COUNTS = [1, 10, 100];

interface Row {
  mode: Mode;
  writers: number;
  updates: number;
  seconds: number;
  commits: number;
  latency: LatencySummary;
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: os.tmpdir() },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    'no-write': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

/** Keystroke-sized Yjs updates (about 25 bytes each), made once so every mode stores the same bytes. */
function keystrokes(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const text = doc.getText('cell');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) text.insert(text.length, String.fromCharCode(97 + (i % 26)));
  doc.destroy();
  return updates;
}

async function openStore(dir: string, mode: Mode): Promise<{ db: Db; file: string }> {
  const file = path.join(dir, `sync-${mode.toLowerCase()}-${process.pid}-${Date.now()}.sqlite`);
  const db = connectDatabase(file);
  await migrateToLatest(db);
  await sql.raw(`pragma synchronous = ${mode}`).execute(db);
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  const expected = mode === 'FULL' ? 2 : 1;
  if (rows[0]?.synchronous !== expected) throw new Error(`could not set synchronous=${mode}`);
  return { db, file };
}

async function measure(dir: string, mode: Mode, writers: number, updates: Uint8Array[]): Promise<Row> {
  const { db, file } = await openStore(dir, mode);
  try {
    const store = new DocumentStore(db);
    let commits = 0;
    const committer = new GroupCommitter(async (batch) => {
      commits++;
      await store.appendBatch(batch);
    });
    const latency = new Samples();
    let next = 0;
    const deadline = performance.now() + seconds * 1000;
    const writer = async (w: number) => {
      while (performance.now() < deadline) {
        const update = updates[next++ % updates.length]!;
        const started = performance.now();
        await committer.enqueue({ documentName: `doc-${w % 10}`, update });
        latency.push(performance.now() - started);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    const elapsed = (performance.now() - started) / 1000;
    return { mode, writers, updates: latency.count, seconds: elapsed, commits, latency: latency.summary() };
  } finally {
    await db.destroy();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

/** Sums the rounds of one mode and writer count (latency percentiles: the median round's). */
function combine(rows: Row[]): Row {
  const byP50 = [...rows].sort((a, b) => a.latency.p50 - b.latency.p50);
  const median = byP50[Math.floor(byP50.length / 2)]!;
  return {
    ...median,
    updates: rows.reduce((n, r) => n + r.updates, 0),
    seconds: rows.reduce((n, r) => n + r.seconds, 0),
    commits: rows.reduce((n, r) => n + r.commits, 0),
  };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

function table(rows: Row[]): string[] {
  const lines = [
    '| writers | synchronous | updates/s | commits/s | updates per commit | p50 ms | p95 ms | p99 ms | max ms |',
    '| ------- | ----------- | --------- | --------- | ------------------ | ------ | ------ | ------ | ------ |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.writers} | ${r.mode} | ${Math.round(r.updates / r.seconds)} | ${Math.round(r.commits / r.seconds)} | ` +
        `${(r.updates / r.commits).toFixed(1)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ` +
        `${fmt(r.latency.p99)} | ${fmt(r.latency.max)} |`,
    );
  }
  return lines;
}

function ratios(rows: Row[]): string[] {
  return WRITER_COUNTS.map((writers) => {
    const normal = rows.find((r) => r.writers === writers && r.mode === 'NORMAL')!;
    const full = rows.find((r) => r.writers === writers && r.mode === 'FULL')!;
    const throughput = full.updates / full.seconds / (normal.updates / normal.seconds);
    return (
      `- ${writers} writer(s): FULL stores ${(throughput * 100).toFixed(0)}% of NORMAL's updates per second; ` +
      `p50 ${fmt(normal.latency.p50)} → ${fmt(full.latency.p50)} ms, p99 ${fmt(normal.latency.p99)} → ${fmt(full.latency.p99)} ms.`
    );
  });
}

async function main(): Promise<void> {
  const dir = values['data-dir'];
  fs.mkdirSync(dir, { recursive: true });
  const machine = machineNote();
  const updates = keystrokes(20_000);
  const raw: Row[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const writers of WRITER_COUNTS) {
      const order = round % 2 === 0 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const row = await measure(dir, mode, writers, updates);
        raw.push(row);
        process.stderr.write(
          `[round ${round + 1}/${rounds}] ${writers} writer(s), ${mode}: ${Math.round(row.updates / row.seconds)} updates/s, p50 ${fmt(row.latency.p50)} ms\n`,
        );
      }
    }
  }
  const rows = WRITER_COUNTS.flatMap((writers) =>
    MODES.map((mode) => combine(raw.filter((r) => r.writers === writers && r.mode === mode))),
  );
  const date = new Date().toISOString().slice(0, 10);
  const report = [
    `# SQLite synchronous=NORMAL vs FULL: group-commit appends (${date})`,
    '',
    'Rungs stores every update before it broadcasts it and tells the author "All changes saved"; with',
    '`synchronous=FULL` each group commit waits for the WAL to reach the disk (fsync), so a saved',
    'change survives a power cut, not only a crash of the process.',
    '',
    `- Machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.kernel}; ` +
      `load average ${machine.loadAverageStart.toFixed(2)} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end.`,
    `- Disk: SQLite files in \`${dir}\` (WAL mode), a fresh file per mode and scenario.`,
    `- Method: the real \`DocumentStore.appendBatch\` behind the real \`GroupCommitter\` (one transaction per`,
    '  event-loop turn). N writers each enqueue a keystroke-sized Yjs update and wait until it is stored',
    `  before sending the next. ${rounds} rounds of ${seconds} s per mode and writer count, the modes taking`,
    '  turns; throughput over all rounds, latency percentiles of the median round. Latency is enqueue → stored.',
    '- Command: `pnpm bench:sqlite-sync`',
    '',
    ...table(rows),
    '',
    '## What FULL costs',
    '',
    ...ratios(rows),
    '',
  ].join('\n');
  process.stdout.write(`${report}\n`);
  if (!values['no-write']) {
    const out = path.resolve(import.meta.dirname, '../results', `${date}-sqlite-synchronous.md`);
    fs.writeFileSync(out, report);
    process.stderr.write(`wrote ${out}\n`);
  }
}

await main();
