import { markdownTable, ms, textTable } from '../report.ts';
import type { RunHeader } from '../script.ts';
import { runIntro } from '../script.ts';
import type { ColdOpen, FoldAfterOpen } from './cold-open.ts';
import type { CompactionTime, LoadBreakdown } from './compaction.ts';
import type { MemoryPerDocument } from './memory-per-document.ts';
import type { StoredAfterEdits } from './stored-after-edits.ts';

export const GOAL_OPEN_MS = 500;
const KB = 1024;

export interface StorageReport extends RunHeader {
  settings: Record<string, unknown>;
  open?: {
    logUpdates: number;
    typists: number;
    baseStateBytes: number;
    stateBytes: number;
    rungs: ColdOpen;
    fold: FoldAfterOpen;
    rungsCompacted: ColdOpen;
    hocuspocus?: ColdOpen;
    breakdown: LoadBreakdown;
  };
  memory?: { ladder: string; rungs?: MemoryPerDocument; hocuspocus?: MemoryPerDocument }[];
  stored?: { rungs?: StoredAfterEdits; hocuspocus?: StoredAfterEdits };
  compaction?: CompactionTime[];
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '-');
const openCell = (o: ColdOpen) => `${ms(o.openMs.p50)} / ${ms(o.openMs.max)} ms`;
const memoryGoal = (m: MemoryPerDocument) => 2 * m.encodedStateBytes + 50 * KB;

const HEADER = ['figure', 'Rungs', 'goal', 'met', 'Hocuspocus 4.7 (anchor)', 'Rungs ÷ anchor'];

/** The issue's figures, one row each: Rungs, its goal, the anchor and the ratio. */
export function figureRows(r: StorageReport): string[][] {
  const rows: string[][] = [];
  const o = r.open;
  if (o) {
    rows.push([
      `cold open, log of ${o.logUpdates.toLocaleString('en')} updates (p50 / max of ${o.rungs.trials.length})`,
      openCell(o.rungs),
      `< ${GOAL_OPEN_MS} ms`,
      o.rungs.openMs.max < GOAL_OPEN_MS ? 'yes' : o.rungs.openMs.p50 < GOAL_OPEN_MS ? 'p50 only' : 'no',
      o.hocuspocus ? `${openCell(o.hocuspocus)} (same content, one stored state)` : '-',
      ratio(o.rungs.openMs.p50, o.hocuspocus?.openMs.p50),
    ]);
    rows.push([
      '  the same document once compacted',
      openCell(o.rungsCompacted),
      `< ${GOAL_OPEN_MS} ms`,
      o.rungsCompacted.openMs.max < GOAL_OPEN_MS ? 'yes' : 'no',
      o.hocuspocus ? openCell(o.hocuspocus) : '-',
      ratio(o.rungsCompacted.openMs.p50, o.hocuspocus?.openMs.p50),
    ]);
  }
  for (const m of r.memory ?? []) {
    const rm = m.rungs;
    const hm = m.hocuspocus;
    if (!rm && !hm) continue;
    const cell = (x: MemoryPerDocument | undefined) =>
      x
        ? `${kb(x.rssPerDocumentBytes)} RSS, ${kb(x.heapPerDocumentBytes)} heap (state ${kb(x.encodedStateBytes)})`
        : '-';
    rows.push([
      `memory per loaded document, ${m.ladder} (${(rm ?? hm)!.documents} documents)`,
      cell(rm),
      rm ? `≤ ${kb(memoryGoal(rm))}` : '-',
      rm ? (Math.max(rm.rssPerDocumentBytes, rm.heapPerDocumentBytes) <= memoryGoal(rm) ? 'yes' : 'no') : '-',
      cell(hm),
      rm
        ? `${ratio(rm.rssPerDocumentBytes, hm?.rssPerDocumentBytes)} RSS, ${ratio(rm.heapPerDocumentBytes, hm?.heapPerDocumentBytes)} heap`
        : '-',
    ]);
  }
  const s = r.stored;
  if (s?.rungs || s?.hocuspocus) {
    const cell = (x: StoredAfterEdits | undefined) =>
      x
        ? `${kb(x.storedBytes)} = ${(x.storedBytes / x.encodedStateBytes).toFixed(2)}× state (${kb(x.encodedStateBytes)})` +
          (x.logRows !== undefined
            ? `; snapshot ${kb(x.snapshotBytes!)} + ${x.logRows} log rows ${kb(x.logBytes!)}`
            : '')
        : '-';
    const x = s.rungs;
    rows.push([
      `stored bytes after ${(x ?? s.hocuspocus)!.edits.toLocaleString('en')} edits`,
      cell(x),
      x ? `≤ ${kb(2 * x.encodedStateBytes)}` : '-',
      x ? (x.storedBytes <= 2 * x.encodedStateBytes ? 'yes' : 'no') : '-',
      cell(s.hocuspocus),
      x ? ratio(x.storedBytes, s.hocuspocus?.storedBytes) : '-',
    ]);
    const file = (y: StoredAfterEdits | undefined) =>
      y
        ? `+${kb(y.fileAfter.bytes - y.fileBefore.bytes)} (${kb(y.fileAfter.freeBytes)} of it free pages)`
        : '-';
    rows.push(['  database file growth (WAL checkpointed)', file(x), '-', '-', file(s.hocuspocus), '-']);
  }
  for (const c of r.compaction ?? []) {
    rows.push([
      `compaction of ${c.logUpdates.toLocaleString('en')} logged updates (DocumentStore.compact)`,
      `${ms(c.ms)} ms, event loop blocked up to ${ms(c.longestBlockMs)} ms`,
      'none (report)',
      '-',
      'n/a (stores whole states)',
      '-',
    ]);
  }
  if (o) {
    rows.push([
      `  in the server: the long log folded after the cold open`,
      `${ms(o.fold.foldedAfterMs)} ms after the sync; /api/health waited up to ${ms(o.fold.probe.max)} ms (from the open)`,
      'none (report)',
      '-',
      '-',
      '-',
    ]);
  }
  return rows;
}

export function printFigures(r: StorageReport): string {
  return textTable(HEADER, figureRows(r), 1);
}

function openDetails(r: StorageReport): string[] {
  const o = r.open;
  if (!o) return [];
  const trials = (label: string, c: ColdOpen) =>
    `- ${label}: ${c.trials
      .map((t) => `${ms(t.openMs)} ms (probe answered ${t.probe.count}×, longest ${ms(t.probe.max)} ms)`)
      .join('; ')}`;
  const b = o.breakdown;
  return [
    '## Cold open',
    '',
    `A ladder draft made over REST (base state ${kb(o.baseStateBytes)}), then, with the server stopped, ` +
      `${o.logUpdates.toLocaleString('en')} keystroke updates of ${o.typists} people typing into 4 cells each ` +
      '(every 7th keystroke a backspace; each update exactly as its author’s provider sends it; every typist ' +
      'has the others’ updates before its next keystroke) appended to its log with the real ' +
      '`DocumentStore.appendBatch` (1,000 per transaction) on the server’s own SQLite file. ' +
      `The document afterwards encodes to ${kb(o.stateBytes)}. Each trial: server restarted (nothing in ` +
      'memory), a small other document opened and closed first (so the first websocket’s module loading and ' +
      'compilation is not counted), then a y-websocket `WebsocketProvider` carrying the session cookie is created and timed until ' +
      '`synced`, then checked to hold the whole state. Meanwhile the bench asks `GET /api/health` one ' +
      'request after the other, 5 ms apart: its longest answer is how long the event loop was blocked.',
    '',
    trials('Rungs, log of ' + o.logUpdates.toLocaleString('en') + ' updates', o.rungs),
    trials('Rungs, the same document compacted (one snapshot)', o.rungsCompacted),
    ...(o.hocuspocus ? [trials('Hocuspocus, the same content (its one stored state)', o.hocuspocus)] : []),
    '',
    `Where a load of the ${b.logUpdates.toLocaleString('en')}-row log goes (the steps of \`loadInto\`, timed ` +
      `in the bench process on a copy of the file): reading the rows ${ms(b.readRowsMs)} ms, applying them ` +
      `in one transaction ${ms(b.applyMs)} ms, encoding the state (as sync step 2 does) ${ms(b.encodeMs)} ms.`,
    '',
    `Then, from the long log again: a cold open, one keystroke once synced, and the log folded ` +
      `(${o.fold.logRowsBefore.toLocaleString('en')} rows → ${o.fold.logRowsAfter}) ` +
      `${ms(o.fold.foldedAfterMs)} ms after the sync; \`/api/health\` from the open on: ` +
      `${o.fold.probe.count} answers, p50 ${ms(o.fold.probe.p50)} ms, longest ${ms(o.fold.probe.max)} ms.`,
  ];
}

export function markdown(r: StorageReport, notes: string[]): string {
  return (
    [
      `# Storage: cold open, memory per document, stored bytes, compaction (${r.date})`,
      '',
      ...runIntro(r),
      '',
      'Issue 12’s storage rows, for `rungs serve` as users run it (a fresh SQLite file, WAL, ' +
        'synchronous=FULL, default compaction after 500 updates) beside Hocuspocus 4.7 with its SQLite ' +
        'extension (stores the whole document, debounced 2 s / at most 10 s). Settings: `' +
        JSON.stringify(r.settings) +
        '`.',
      '',
      '## Figures',
      '',
      markdownTable(HEADER, figureRows(r), 1),
      '',
      ...openDetails(r),
      '',
      '## Memory',
      '',
      'Per server and ladder: K stored documents (Rungs: ladders created over REST; Hocuspocus: given by a ' +
        'client and stored by its extension), the server restarted (nothing loaded), a full GC forced in it ' +
        '(started with `--expose-gc` and a preload that runs `gc()` on SIGUSR2: bench/src/servers/gc-on-signal.ts), ' +
        'VmRSS and heap read; then one raw client per document opens it (5 at a time), 2 s to settle, GC, read ' +
        'again. Per document = growth ÷ K; it includes the room, its awareness and the one connection. ' +
        'The goal: ≤ 2× the encoded state + 50 KB; "met" needs both the RSS and the heap figure within it ' +
        '(RSS alone can understate: pages the process touched while starting are reused by the documents).',
      '',
      ...(r.memory ?? []).flatMap((m) =>
        [m.rungs, m.hocuspocus]
          .filter((x): x is MemoryPerDocument => !!x)
          .map(
            (x, i) =>
              `- ${m.ladder}, ${i === 0 && m.rungs ? 'Rungs' : 'Hocuspocus'}: VmRSS ${x.rssBeforeMiB.toFixed(1)} → ` +
              `${x.rssAfterMiB.toFixed(1)} MiB for ${x.documents} documents of ${kb(x.encodedStateBytes)} encoded ` +
              `(${Math.round(x.structs)} Yjs structs each: ${Math.round(x.heapPerDocumentBytes / x.structs)} B of heap per struct; ` +
              `heap ${(x.heapPerDocumentBytes / x.encodedStateBytes).toFixed(1)}× the encoded state).`,
          ),
      ),
      '',
      '## Stored bytes after edits',
      '',
      'One document (the seed ladder below), 4 real providers typing keystrokes (each its own update; ' +
        '20 keystrokes per bench event-loop turn, then 1 ms pause) until the count is reached; then every ' +
        'typist has every edit, every edit is acknowledged as stored (Rungs’ message 100), and the stored bytes ' +
        'stay unchanged for 3 s (Rungs’ background compaction done; Hocuspocus’ debounce flushed). Stored ' +
        'bytes: Rungs the snapshot plus the log rows of that document; Hocuspocus its one `documents` row. ' +
        'File growth: from after the ladder was created to after the edits, the server stopped and the WAL ' +
        'checkpointed into the file.',
      '',
      '## Compaction',
      '',
      'The real `DocumentStore.compact` on copies of the server’s file whose log holds the first N of the ' +
        'keystroke updates above, in the bench process, with a 1 ms interval timer for the ' +
        'longest block: better-sqlite3 is synchronous and the replay into a Y.Doc runs inside the transaction, ' +
        'so the whole compaction runs on the event loop, in a few long blocks.',
      '',
      '## Notes on this run',
      '',
      ...notes,
    ].join('\n') + '\n'
  );
}
