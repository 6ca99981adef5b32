import * as Y from 'yjs';
import { connectProviderEditor } from '../clients.ts';
import { waitFor } from '../editor.ts';
import type { BenchDocument, BenchServer } from '../servers/index.ts';
import { summarize, type LatencySummary } from '../stats.ts';
import { Typist, cellNames } from './keystrokes.ts';
import { probeUrl, ResponsivenessProbe } from './probes.ts';
import { hocuspocusStored, rungsStored } from './sqlite-files.ts';

export interface OpenTrial {
  /** From creating the provider (socket connect + upgrade included) to it being synced, ms. */
  openMs: number;
  /** The server's answers to the responsiveness probe meanwhile (longest = its event loop blocked). */
  probe: LatencySummary;
}

export interface ColdOpen {
  trials: OpenTrial[];
  openMs: LatencySummary;
}

/**
 * One cold open: the server has just started and holds nothing in memory; a real provider joins
 * the document and is timed until synced, then checked to hold the whole expected state.
 */
async function openOnce(
  server: BenchServer,
  document: BenchDocument,
  expected: Uint8Array,
): Promise<OpenTrial> {
  const probe = new ResponsivenessProbe(probeUrl(server));
  const started = performance.now();
  const editor = connectProviderEditor(server, document);
  try {
    await waitFor(() => editor.isSynced(), 'the cold open', 120_000, 1);
    const openMs = performance.now() - started;
    const summary = await probe.stop();
    if (!sameState(Y.encodeStateVector(editor.doc), expected)) {
      throw new Error(`${server.label}: the opened document is not the whole stored state`);
    }
    return { openMs, probe: summary };
  } finally {
    await probe.stop();
    editor.destroy();
  }
}

/**
 * `trials` cold opens, the server restarted before each. `warmup` (another, small document) is
 * opened first after each restart, so that the trial times this document's load rather than the
 * process's first websocket (modules loaded and compiled on first use).
 */
export async function coldOpens(
  server: BenchServer,
  document: BenchDocument,
  state: Uint8Array,
  trials: number,
  warmup: BenchDocument,
  /** Run while the server is stopped before each trial: puts the stored document back as it was (a load may fold it). */
  reset?: () => Promise<void> | void,
): Promise<ColdOpen> {
  const expected = Y.encodeStateVectorFromUpdate(state);
  const results: OpenTrial[] = [];
  for (let i = 0; i < trials; i++) {
    await server.restart(reset);
    const first = connectProviderEditor(server, warmup);
    await waitFor(() => first.isSynced(), 'the warm-up document to open', 60_000);
    first.destroy();
    results.push(await openOnce(server, document, expected));
  }
  return { trials: results, openMs: summarize(results.map((t) => t.openMs)) };
}

export interface FoldAfterOpen {
  /** From the cold open being synced to the log being folded (rows gone), ms. */
  foldedAfterMs: number;
  logRowsBefore: number;
  logRowsAfter: number;
  /** `/api/health` answers from the open until the fold: how long the event loop kept others waiting. */
  probe: LatencySummary;
}

/**
 * A cold open of a long log, timed until the server has folded that log into a snapshot (it does
 * so from what the load replayed; a server that waits for the next edit gets one keystroke after
 * the sync), while probing the server's responsiveness from the open on.
 */
export async function foldAfterOpen(server: BenchServer, document: BenchDocument): Promise<FoldAfterOpen> {
  const file = server.sqliteFile!;
  const logRowsBefore = rungsStored(file, document.name).logRows;
  const probe = new ResponsivenessProbe(probeUrl(server));
  const editor = connectProviderEditor(server, document, new Y.Doc());
  try {
    await waitFor(() => editor.isSynced(), 'the cold open', 120_000);
    const synced = performance.now();
    new Typist(editor.doc, cellNames(editor.doc).slice(0, 1)).keystroke();
    await waitFor(
      () => rungsStored(file, document.name).logRows < logRowsBefore / 2,
      'the log to be folded',
      300_000,
      5,
    );
    return {
      foldedAfterMs: performance.now() - synced,
      logRowsBefore,
      logRowsAfter: rungsStored(file, document.name).logRows,
      probe: await probe.stop(),
    };
  } finally {
    editor.destroy();
  }
}

/** Puts `state` into a fresh Hocuspocus document through a provider and waits until its extension stored it. */
export async function seedHocuspocus(server: BenchServer, name: string, state: Uint8Array): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const editor = connectProviderEditor(server, { name, seeded: false }, doc);
  const expected = Y.encodeStateVectorFromUpdate(state);
  try {
    await waitFor(() => editor.isSynced(), 'the Hocuspocus seed to sync', 60_000);
    await waitFor(
      () => {
        const data = hocuspocusStored(server.sqliteFile!, name);
        return data !== null && sameState(Y.encodeStateVectorFromUpdate(data), expected);
      },
      'Hocuspocus to store the document',
      60_000,
      100,
    );
  } finally {
    editor.destroy();
  }
}

/** Whether two encoded state vectors hold the same clocks. */
export function sameState(a: Uint8Array, b: Uint8Array): boolean {
  const x = Y.decodeStateVector(a);
  const y = Y.decodeStateVector(b);
  return x.size === y.size && [...x].every(([client, clock]) => y.get(client) === clock);
}
