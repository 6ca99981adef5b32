import { sql } from 'kysely';
import * as Y from 'yjs';
import { sqliteFileOf, type Db } from '../db/connect.ts';
import { consistentRead, isPostgres } from '../db/dialect.ts';
import type { FlushResult, NotWritableReason } from './group-commit.ts';
import { replayOffThread } from './replay-off-thread.ts';

export interface PendingUpdate {
  documentName: string;
  update: Uint8Array;
}

export class DocumentLoadError extends Error {
  constructor(
    readonly documentName: string,
    cause: unknown,
  ) {
    super(
      `Could not load document ${documentName}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'DocumentLoadError';
  }
}

const COMPACTION_DELETE_CHUNK = 500;
/** Updates per INSERT of a group commit. */
const APPEND_CHUNK = 1_000;

/**
 * Durable Yjs storage: an append-only update log plus a snapshot per document.
 * A document's state is its snapshot merged with every update still in the log; updates are
 * idempotent, so a row that is both in the snapshot and the log is harmless.
 */
export class DocumentStore {
  constructor(
    private readonly db: Db,
    /** Logs at least this long are read and replayed in a worker thread (SQLite files only). */
    private readonly options: { replayOffThreadAtLeast?: number } = {},
  ) {}

  async exists(documentName: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select('name')
      .where('name', '=', documentName)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Appends every update in one transaction: the group commit. The database decides what is
   * writable: in the same transaction it reads each document's row (on PostgreSQL under a share
   * lock, so a close or a merge that flips `read_only` waits for commits in flight, and commits
   * after it see the flip) and refuses the updates of documents that are read-only or gone.
   */
  async appendBatch(batch: readonly PendingUpdate[]): Promise<FlushResult> {
    if (batch.length === 0) return {};
    const names = [...new Set(batch.map((u) => u.documentName))].sort();
    return this.db.transaction().execute(async (trx) => {
      let rows = trx.selectFrom('documents').select(['name', 'read_only']).where('name', 'in', names);
      if (isPostgres(trx)) rows = rows.forShare();
      const writable = new Set<string>();
      const refused = new Map<string, NotWritableReason>(names.map((n) => [n, 'missing']));
      for (const row of await rows.execute()) {
        if (row.read_only === 0) {
          writable.add(row.name);
          refused.delete(row.name);
        } else refused.set(row.name, 'read_only');
      }
      const accepted = batch.filter((u) => writable.has(u.documentName));
      const now = new Date().toISOString();
      // In statements of bounded size: SQLite takes at most 32,766 parameters in one.
      for (let i = 0; i < accepted.length; i += APPEND_CHUNK) {
        await trx
          .insertInto('doc_updates')
          .values(
            accepted
              .slice(i, i + APPEND_CHUNK)
              .map((u) => ({ document_name: u.documentName, data: u.update, created_at: now })),
          )
          .execute();
      }
      return refused.size > 0 ? { refused } : {};
    });
  }

  /**
   * Replays the snapshot and the log into `doc`, both read in one consistent snapshot of the
   * database: a compaction committing between two separate reads would move rows from the log
   * into a snapshot already read (and lose them from this load). Throws DocumentLoadError on any
   * failure, so callers never serve (or later store) a document whose load failed.
   */
  async loadInto(
    documentName: string,
    doc: Y.Doc,
    { foldAtLeast = Infinity }: { foldAtLeast?: number } = {},
  ): Promise<{ updateCount: number; fold?: LoadedFold; offThread?: true }> {
    try {
      const offThread = await this.offThreadLoad(documentName, doc);
      if (offThread) {
        const updateCount = offThread.ids.length;
        if (updateCount === 0 || updateCount < foldAtLeast) return { updateCount, offThread: true };
        return { updateCount, fold: offThread, offThread: true };
      }
      const stored = await consistentRead(this.db, (trx) => readStored(trx, documentName));
      replayInto(doc, stored, 'load');
      const updateCount = stored.updates.length;
      if (updateCount === 0 || updateCount < foldAtLeast) return { updateCount };
      // Encoded now, before anything else reaches `doc`: exactly the snapshot plus the rows read.
      const fold: LoadedFold = {
        state: Y.encodeStateAsUpdate(doc),
        ids: stored.updates.map((u) => u.id),
        snapshotLastId: stored.snapshot?.last_update_id ?? null,
      };
      return { updateCount, fold };
    } catch (err) {
      throw new DocumentLoadError(documentName, err);
    }
  }

  /**
   * A long log on SQLite is read (on a connection of its own, one snapshot) and replayed in a
   * worker: `doc` then gets one update, and the event loop is free meanwhile. Null: load here.
   */
  private async offThreadLoad(documentName: string, doc: Y.Doc): Promise<LoadedFold | null> {
    const atLeast = this.options.replayOffThreadAtLeast ?? Infinity;
    const file = sqliteFileOf(this.db);
    if (file === undefined || atLeast === Infinity) return null;
    if ((await this.countLoggedUpdates(documentName)) < atLeast) return null;
    const replayed = await replayOffThread(file, documentName);
    doc.transact(() => Y.applyUpdate(doc, replayed.state), 'load');
    return replayed;
  }

  /**
   * Stores what a load already replayed as the snapshot and deletes exactly the rows it held, so a
   * long log is folded without reading and replaying it a second time. Skipped (folded: 0) when the
   * snapshot changed since the load read it: another compaction folded rows this one never saw.
   */
  async foldLoaded(documentName: string, fold: LoadedFold): Promise<{ folded: number }> {
    return this.db.transaction().execute(async (trx) => {
      if (isPostgres(trx)) {
        await sql`select pg_advisory_xact_lock(hashtext(${documentName}))`.execute(trx);
      }
      const current = await trx
        .selectFrom('doc_snapshots')
        .select('last_update_id')
        .where('document_name', '=', documentName)
        .executeTakeFirst();
      if ((current?.last_update_id ?? null) !== fold.snapshotLastId) return { folded: 0 };
      // The load read the rows in id order; a spread of 100,000 ids would overflow the call stack.
      await writeSnapshot(trx, documentName, fold.state, fold.ids[fold.ids.length - 1]!);
      await deleteUpdates(trx, fold.ids);
      return { folded: fold.ids.length };
    });
  }

  /**
   * Inside `trx`, stops every write to the document until `trx` ends and returns its stored
   * state: what a merge publishes. On PostgreSQL the row lock waits for group commits in flight
   * (they hold a share lock) and makes later ones wait, then see the outcome; the advisory lock
   * keeps a compaction from moving rows between the two reads. SQLite has one writer.
   */
  async lockAndReadState(trx: Db, documentName: string): Promise<Uint8Array> {
    if (isPostgres(trx)) {
      await trx.selectFrom('documents').select('name').where('name', '=', documentName).forUpdate().execute();
      await sql`select pg_advisory_xact_lock(hashtext(${documentName}))`.execute(trx);
    }
    return replayedState(await readStored(trx, documentName));
  }

  /** The stored state as one update, without keeping a live document. */
  async loadState(documentName: string): Promise<Uint8Array> {
    const doc = new Y.Doc({ gc: true });
    try {
      await this.loadInto(documentName, doc);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Folds the log into the snapshot by replaying it into a Y.Doc (flat mergeUpdates is
   * superlinear; yjs#710). Deletes exactly the rows it folded, so rows appended meanwhile
   * (by this or another process) survive. Serialised per document on PostgreSQL.
   */
  async compact(documentName: string): Promise<{ folded: number }> {
    return this.db.transaction().execute(async (trx) => {
      if (isPostgres(trx)) {
        await sql`select pg_advisory_xact_lock(hashtext(${documentName}))`.execute(trx);
      }
      const stored = await readStored(trx, documentName);
      const rows = stored.updates;
      if (rows.length === 0) return { folded: 0 };
      await writeSnapshot(trx, documentName, replayedState(stored), rows[rows.length - 1]!.id);
      await deleteUpdates(
        trx,
        rows.map((r) => r.id),
      );
      return { folded: rows.length };
    });
  }

  async countLoggedUpdates(documentName: string): Promise<number> {
    const row = await this.db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_name', '=', documentName)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** What a load replayed, to be stored as the snapshot (`DocumentStore.foldLoaded`). */
export interface LoadedFold {
  /** The snapshot and every row below, as one update. */
  state: Uint8Array;
  /** The log rows it holds, in id order. */
  ids: number[];
  /** The snapshot's `last_update_id` when the load read it (null: there was none). */
  snapshotLastId: number | null;
}

interface StoredDocument {
  snapshot: { state: Uint8Array; last_update_id: number } | undefined;
  updates: Array<{ id: number; data: Uint8Array }>;
}

/** A document's snapshot and log rows, read with `trx` (callers decide on locks and isolation). */
async function readStored(trx: Db, documentName: string): Promise<StoredDocument> {
  const snapshot = await trx
    .selectFrom('doc_snapshots')
    .select(['state', 'last_update_id'])
    .where('document_name', '=', documentName)
    .executeTakeFirst();
  const updates = await trx
    .selectFrom('doc_updates')
    .select(['id', 'data'])
    .where('document_name', '=', documentName)
    .orderBy('id')
    .execute();
  return { snapshot, updates };
}

async function writeSnapshot(trx: Db, documentName: string, state: Uint8Array, lastId: number) {
  const now = new Date().toISOString();
  await trx
    .insertInto('doc_snapshots')
    .values({ document_name: documentName, state, last_update_id: lastId, updated_at: now })
    .onConflict((oc) =>
      oc.column('document_name').doUpdateSet({ state, last_update_id: lastId, updated_at: now }),
    )
    .execute();
}

async function deleteUpdates(trx: Db, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += COMPACTION_DELETE_CHUNK) {
    await trx
      .deleteFrom('doc_updates')
      .where('id', 'in', ids.slice(i, i + COMPACTION_DELETE_CHUNK))
      .execute();
  }
}

function replayInto(doc: Y.Doc, { snapshot, updates }: StoredDocument, origin?: unknown): void {
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of updates) Y.applyUpdate(doc, row.data);
  }, origin);
}

/** The stored document as one update, replayed into a Y.Doc (flat mergeUpdates is superlinear; yjs#710). */
function replayedState(stored: StoredDocument): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    replayInto(doc, stored);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
