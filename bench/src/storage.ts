/**
 * `pnpm bench:storage`: issue 12's storage rows for `rungs serve` beside Hocuspocus 4.7 (its SQLite
 * extension): cold open of a document whose log holds 100,000 updates, memory per loaded document,
 * stored bytes after 10,000 edits, and the time compaction takes (and blocks the event loop).
 * Prints the figures and writes bench/results/<date>-storage.{json,md}. See bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importLadder, type LadderContent } from '@rungs/shared';
import { benchLadder, largeLadder } from './ladder.ts';
import { startHocuspocus } from './servers/hocuspocus.ts';
import { startRungs } from './servers/rungs.ts';
import type { BenchServer } from './servers/index.ts';
import { BenchRun, COMMON_OPTIONS, COMMON_USAGE, resultsDir } from './script.ts';
import { coldOpens, foldAfterOpen, seedHocuspocus } from './storage/cold-open.ts';
import { loadBreakdown, timeCompaction } from './storage/compaction.ts';
import { typeKeystrokes, type TypedLog } from './storage/keystrokes.ts';
import { memoryPerDocument, storedDocuments } from './storage/memory-per-document.ts';
import { GOAL_OPEN_MS, markdown, printFigures, type StorageReport } from './storage/report.ts';
import { appendLog, checkpointedSize, withStore } from './storage/sqlite-files.ts';
import { storedAfterEdits } from './storage/stored-after-edits.ts';

const PARTS = ['open', 'memory', 'stored', 'compaction'] as const;
type Part = (typeof PARTS)[number];
const TYPISTS = 4;

const USAGE = `Usage: pnpm bench:storage [options]
  --parts open,memory,stored,compaction   which figures (compaction needs open's log)
  --updates 100000                        keystroke updates in the cold-open log
  --trials 3                              cold opens per case (server restarted before each)
  --documents 50                          documents of the 20 × 40 ladder loaded at once (memory per document)
  --seed-documents 200                    documents of the seed ladders loaded at once (more: RSS growth shows)
  --edits 10000                           keystrokes typed before reading stored bytes
  --compact 500,10000,100000              log lengths DocumentStore.compact is timed on
  --seeds /work/shared/seeds              real ladders (any format the importer reads)
  --no-anchor                             Rungs only, no Hocuspocus
${COMMON_USAGE}`;

const { values } = parseArgs({
  options: {
    parts: { type: 'string', default: PARTS.join(',') },
    updates: { type: 'string', default: '100000' },
    trials: { type: 'string', default: '3' },
    documents: { type: 'string', default: '50' },
    'seed-documents': { type: 'string', default: '200' },
    edits: { type: 'string', default: '10000' },
    compact: { type: 'string', default: '500,10000,100000' },
    seeds: { type: 'string', default: '/work/shared/seeds' },
    'no-anchor': { type: 'boolean', default: false },
    ...COMMON_OPTIONS,
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const parts = new Set(values.parts.split(',').map((p) => p.trim()) as Part[]);
for (const p of parts) if (!PARTS.includes(p)) throw new Error(`Unknown part "${p}".\n\n${USAGE}`);
const settings = {
  updates: Number(values.updates),
  trials: Number(values.trials),
  documents: Number(values.documents),
  seedDocuments: Number(values['seed-documents']),
  edits: Number(values.edits),
  compact: values.compact.split(',').map(Number),
  anchor: !values['no-anchor'],
  typists: TYPISTS,
};
const out = resultsDir(values);
const priority = Number(values.priority) || undefined;

/** The seed ladders, imported as a user would import them. */
function seedLadders(dir: string): { name: string; content: LadderContent }[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => ({
      name,
      content: importLadder(fs.readFileSync(path.join(dir, name)), { filename: name }).content,
    }));
}

const running = new Set<BenchServer>();
async function withServer<T>(
  start: () => Promise<BenchServer>,
  fn: (s: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await start();
  running.add(server);
  try {
    return await fn(server);
  } finally {
    running.delete(server);
    await server.stop();
  }
}
const run = new BenchRun('pnpm bench:storage', Number(values.priority), async () => {
  await Promise.allSettled([...running].map((s) => s.stop()));
});
const log = run.log;

const seeds = seedLadders(values.seeds);
// The biggest seed: what the cold open and the edits start from.
const seed = seeds.reduce((a, b) =>
  JSON.stringify(b.content).length > JSON.stringify(a.content).length ? b : a,
);
const report: StorageReport = { ...run.header(), settings: { ...settings, seed: seed.name } };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rungs-storage-bench-'));

async function openAndCompaction(): Promise<void> {
  await withServer(
    () => startRungs({ priority }),
    async (rungs) => {
      const file = rungs.sqliteFile!;
      const document = await rungs.createDocument(seed.content);
      const warmup = await rungs.createDocument(benchLadder());
      const baseFile = path.join(scratch, 'base.sqlite');
      const longLogFile = path.join(scratch, 'long-log.sqlite');
      let base: Uint8Array = new Uint8Array();
      let typed: TypedLog = { updates: [], state: new Uint8Array() };
      await rungs.restart(async () => {
        checkpointedSize(file);
        fs.copyFileSync(file, baseFile);
        base = await withStore(file, (s) => s.loadState(document.name));
        log(`typing ${settings.updates} keystroke updates (in the bench) …`);
        typed = typeKeystrokes(base, settings.updates, TYPISTS);
        await withStore(file, (s) => appendLog(s, document.name, typed.updates));
        log(`  appended them to the log of ${document.name}`);
        checkpointedSize(file);
        fs.copyFileSync(file, longLogFile);
      });
      // A load folds the log it replayed: every trial starts from the long log again.
      const restoreLongLog = () => {
        for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
        fs.copyFileSync(longLogFile, file);
      };
      if (parts.has('open')) {
        log('Rungs: cold opens of the long log');
        const open = await coldOpens(rungs, document, typed.state, settings.trials, warmup, restoreLongLog);
        log(`  p50 ${open.openMs.p50.toFixed(0)} ms, max ${open.openMs.max.toFixed(0)} ms`);
        await rungs.restart(restoreLongLog);
        const fold = await foldAfterOpen(rungs, document);
        log(`  open → log folded ${fold.foldedAfterMs.toFixed(0)} ms after the sync`);
        let state: Uint8Array = new Uint8Array();
        await rungs.restart(
          async () => void (state = await withStore(file, (s) => s.loadState(document.name))),
        );
        const rungsCompacted = await coldOpens(rungs, document, state, settings.trials, warmup);
        log(`  compacted: p50 ${rungsCompacted.openMs.p50.toFixed(0)} ms`);
        const breakdown = await loadBreakdown(baseFile, document.name, typed.updates, settings.updates);
        log(
          `  a load, step by step: read rows ${breakdown.readRowsMs.toFixed(0)} ms, apply ${breakdown.applyMs.toFixed(0)} ms, ` +
            `encode ${breakdown.encodeMs.toFixed(0)} ms`,
        );
        let hocuspocus;
        if (settings.anchor) {
          hocuspocus = await withServer(
            () => startHocuspocus({ priority }),
            async (h) => {
              const name = 'bench-cold-open';
              await seedHocuspocus(h, name, typed.state);
              log('Hocuspocus: cold opens of the same content');
              return coldOpens(h, { name, seeded: false }, typed.state, settings.trials, {
                name: 'bench-warmup',
                seeded: false,
              });
            },
          );
          log(`  p50 ${hocuspocus.openMs.p50.toFixed(0)} ms`);
        }
        report.open = {
          logUpdates: settings.updates,
          typists: TYPISTS,
          baseStateBytes: base.length,
          stateBytes: typed.state.length,
          rungs: open,
          fold,
          rungsCompacted,
          hocuspocus,
          breakdown,
        };
      }
      if (parts.has('compaction')) {
        report.compaction = [];
        for (const n of settings.compact) {
          const c = await timeCompaction(
            baseFile,
            document.name,
            typed.updates,
            Math.min(n, typed.updates.length),
          );
          log(
            `compaction of ${c.logUpdates}: ${c.ms.toFixed(0)} ms, longest block ${c.longestBlockMs.toFixed(0)} ms`,
          );
          report.compaction.push(c);
        }
      }
    },
  );
}

async function memory(): Promise<void> {
  const ladders = [
    {
      ladder: 'the 20 × 40 ladder, two bullets per cell',
      contents: () => Array.from({ length: settings.documents }, largeLadder),
    },
    {
      ladder: `the ${seeds.length} seed ladders in turn`,
      contents: () =>
        Array.from({ length: settings.seedDocuments }, (_, i) => seeds[i % seeds.length]!.content),
    },
  ];
  const servers = [
    () => startRungs({ priority, gcOnSignal: true }),
    ...(settings.anchor ? [() => startHocuspocus({ priority, gcOnSignal: true })] : []),
  ];
  report.memory = ladders.map((l) => ({ ladder: l.ladder }));
  for (const start of servers) {
    await withServer(start, async (server) => {
      for (const [i, l] of ladders.entries()) {
        log(`${server.label}: memory, ${l.contents().length} × ${l.ladder}`);
        const documents = await storedDocuments(server, l.contents());
        const m = await memoryPerDocument(server, documents);
        log(
          `  ${(m.rssPerDocumentBytes / 1024).toFixed(1)} KB per document (state ${(m.encodedStateBytes / 1024).toFixed(1)} KB)`,
        );
        report.memory![i]![server.id === 'rungs' ? 'rungs' : 'hocuspocus'] = m;
      }
    });
  }
}

async function stored(): Promise<void> {
  const servers = [
    () => startRungs({ priority }),
    ...(settings.anchor ? [() => startHocuspocus({ priority })] : []),
  ];
  report.stored = {};
  for (const start of servers) {
    await withServer(start, async (server) => {
      log(`${server.label}: ${settings.edits} edits`);
      const s = await storedAfterEdits(server, seed.content, settings.edits, TYPISTS);
      log(
        `  stored ${(s.storedBytes / 1024).toFixed(1)} KB, state ${(s.encodedStateBytes / 1024).toFixed(1)} KB`,
      );
      report.stored![server.id === 'rungs' ? 'rungs' : 'hocuspocus'] = s;
    });
  }
}

try {
  if (parts.has('open') || parts.has('compaction')) await openAndCompaction();
  if (parts.has('memory')) await memory();
  if (parts.has('stored')) await stored();
  Object.assign(report, run.header(), { settings: report.settings });
  console.log(['', printFigures(report), ''].join('\n'));
  const notes = [
    `- Goals: cold open < ${GOAL_OPEN_MS} ms; memory per document ≤ 2× encoded state + 50 KB; stored bytes ≤ 2× encoded state; compaction reported.`,
  ];
  run.write(out, 'storage', report, markdown(report, notes));
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
  run.finish();
}
process.exit(0);
