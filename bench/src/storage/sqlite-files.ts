import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { connectDatabase } from '@rungs/server';
import { DocumentStore } from '@rungs/server/collab/document-store';

/** Runs `fn` with the real `DocumentStore` on a stopped server's SQLite file, then closes it. */
export async function withStore<T>(file: string, fn: (store: DocumentStore) => Promise<T>): Promise<T> {
  const db = connectDatabase(file);
  try {
    return await fn(new DocumentStore(db));
  } finally {
    await db.destroy();
  }
}

/** Appends `updates` to a document's log with the real `appendBatch`, `batchSize` per transaction. */
export async function appendLog(
  store: DocumentStore,
  documentName: string,
  updates: readonly Uint8Array[],
  batchSize = 1000,
): Promise<void> {
  for (let i = 0; i < updates.length; i += batchSize) {
    const batch = updates.slice(i, i + batchSize).map((update) => ({ documentName, update }));
    const { refused } = await store.appendBatch(batch);
    if (refused) throw new Error(`the store refused updates of ${documentName}`);
  }
}

/** What Rungs holds for one document: its snapshot and its update log. */
export interface RungsStored {
  snapshotBytes: number;
  logRows: number;
  logBytes: number;
  totalBytes: number;
}

/** Read beside a running server (WAL readers do not block its writer). */
export function rungsStored(file: string, documentName: string): RungsStored {
  const db = new SQLite(file, { readonly: true });
  try {
    const snapshot = db
      .prepare('select coalesce(sum(length(state)), 0) as n from doc_snapshots where document_name = ?')
      .get(documentName) as { n: number };
    const log = db
      .prepare(
        'select count(*) as rows, coalesce(sum(length(data)), 0) as bytes from doc_updates where document_name = ?',
      )
      .get(documentName) as { rows: number; bytes: number };
    return {
      snapshotBytes: snapshot.n,
      logRows: log.rows,
      logBytes: log.bytes,
      totalBytes: snapshot.n + log.bytes,
    };
  } finally {
    db.close();
  }
}

/** The bytes Hocuspocus's SQLite extension holds for a document (its whole state, one row), or null. */
export function hocuspocusStored(file: string, documentName: string): Uint8Array | null {
  if (!fs.existsSync(file)) return null;
  const db = new SQLite(file, { readonly: true });
  try {
    const row = db.prepare('select data from documents where name = ?').get(documentName) as
      { data: Buffer } | undefined;
    return row ? new Uint8Array(row.data) : null;
  } catch {
    return null; // the extension creates its table on first store
  } finally {
    db.close();
  }
}

export interface FileSize {
  /** The database file after a WAL checkpoint (TRUNCATE), bytes. */
  bytes: number;
  /** Of which pages on the free list (deleted rows' space, reused before the file grows). */
  freeBytes: number;
}

/** The size of a stopped server's SQLite file, its WAL checkpointed into it first. */
export function checkpointedSize(file: string): FileSize {
  const db = new SQLite(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return { bytes: fs.statSync(file).size, freeBytes: free * pageSize };
  } finally {
    db.close();
  }
}
