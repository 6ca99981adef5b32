// A worker thread that replays a long stored log, so that the load of such a document does not
// hold the event loop (100,000 rows: 0.2–0.4 s of reading and 0.3–0.7 s of replay). Plain JavaScript,
// not TypeScript: the worker starts in about 0.1 s without a loader. Its contract is
// `replay-off-thread.ts`.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** @type {{ file: string; documentName: string }} */
const { file, documentName } = workerData;

const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  // One read transaction: in WAL mode it sees one snapshot, so a compaction committing between
  // the two reads can't move rows from the log into a snapshot already read.
  const read = db.transaction(() => ({
    snapshot: db
      .prepare('select state, last_update_id from doc_snapshots where document_name = ?')
      .get(documentName),
    // Two single-column reads: about half the time of one read of [id, data] rows (no row arrays).
    ids: db
      .prepare('select id from doc_updates where document_name = ? order by id')
      .pluck(true)
      .all(documentName),
    updates: db
      .prepare('select data from doc_updates where document_name = ? order by id')
      .pluck(true)
      .all(documentName),
  }));
  const { snapshot, ids: readIds, updates } = read();
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const state = Y.encodeStateAsUpdate(doc);
  const ids = Float64Array.from(readIds);
  parentPort.postMessage({ state, ids, snapshotLastId: snapshot ? snapshot.last_update_id : null }, [
    state.buffer,
    ids.buffer,
  ]);
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
} finally {
  db.close();
}
