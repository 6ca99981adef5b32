import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import * as Y from 'yjs';
import { longestBlock } from './probes.ts';
import { appendLog, withStore } from './sqlite-files.ts';

export interface CompactionTime {
  logUpdates: number;
  /** `DocumentStore.compact` from call to its promise resolving, ms. */
  ms: number;
  /** The longest the event loop was blocked meanwhile (better-sqlite3 and the replay are synchronous), ms. */
  longestBlockMs: number;
  folded: number;
}

/** Where a load of the log goes: reading the rows, applying them (one transaction), encoding the state. */
export interface LoadBreakdown {
  logUpdates: number;
  readRowsMs: number;
  applyMs: number;
  encodeMs: number;
}

/** A copy of a stopped server's (checkpointed) SQLite file, removed by `done`. */
function copyOf(file: string): { file: string; done: () => void } {
  const dir = fs.mkdtempSync(path.join(path.dirname(file), 'compaction-'));
  const copy = path.join(dir, 'copy.sqlite');
  fs.copyFileSync(file, copy);
  return { file: copy, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The real `DocumentStore.compact` on a copy of the server's file whose log for `documentName`
 * holds the first `n` of `updates` (appended with the real `appendBatch`), in this process.
 */
export async function timeCompaction(
  baseFile: string,
  documentName: string,
  updates: readonly Uint8Array[],
  n: number,
): Promise<CompactionTime> {
  const copy = copyOf(baseFile);
  try {
    return await withStore(copy.file, async (store) => {
      await appendLog(store, documentName, updates.slice(0, n));
      const { result, ms, blockMs } = await longestBlock(() => store.compact(documentName));
      if (result.folded < n) throw new Error(`compaction folded ${result.folded} of ${n} rows`);
      return { logUpdates: n, ms, longestBlockMs: blockMs, folded: result.folded };
    });
  } finally {
    copy.done();
  }
}

/** Times the three steps of a load of `n` logged updates on a copy of the file, as `loadInto` does them. */
export async function loadBreakdown(
  baseFile: string,
  documentName: string,
  updates: readonly Uint8Array[],
  n: number,
): Promise<LoadBreakdown> {
  const copy = copyOf(baseFile);
  try {
    await withStore(copy.file, (store) => appendLog(store, documentName, updates.slice(0, n)));
    const db = new SQLite(copy.file, { readonly: true });
    try {
      let t = performance.now();
      const snapshot = db
        .prepare('select state from doc_snapshots where document_name = ?')
        .get(documentName) as { state: Buffer } | undefined;
      const rows = db
        .prepare('select id, data from doc_updates where document_name = ? order by id')
        .all(documentName) as { id: number; data: Buffer }[];
      const readRowsMs = performance.now() - t;
      const doc = new Y.Doc({ gc: true });
      t = performance.now();
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of rows) Y.applyUpdate(doc, row.data);
      });
      const applyMs = performance.now() - t;
      t = performance.now();
      Y.encodeStateAsUpdate(doc);
      const encodeMs = performance.now() - t;
      doc.destroy();
      return { logUpdates: rows.length, readRowsMs, applyMs, encodeMs };
    } finally {
      db.close();
    }
  } finally {
    copy.done();
  }
}
