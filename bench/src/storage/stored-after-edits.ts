import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { writeLadderContent, type LadderContent } from '@rungs/shared';
import { connectProviderEditor } from '../clients.ts';
import { waitFor, type Editor } from '../editor.ts';
import type { BenchServer } from '../servers/index.ts';
import { sameState } from './cold-open.ts';
import { typistsFor } from './keystrokes.ts';
import { checkpointedSize, hocuspocusStored, rungsStored, withStore, type FileSize } from './sqlite-files.ts';

/** Keystrokes typed per event-loop turn of the bench before it yields (a burst of several people). */
const BURST = 20;
/** How long the stored bytes must stay unchanged to count as settled (compaction done, debounce flushed). */
const STEADY_MS = 3_000;

export interface StoredAfterEdits {
  edits: number;
  typists: number;
  /** `Y.encodeStateAsUpdate` of the document afterwards. */
  encodedStateBytes: number;
  /** What the server holds for the document once settled; Rungs: snapshot + log rows. */
  storedBytes: number;
  snapshotBytes?: number;
  logRows?: number;
  logBytes?: number;
  /** The database file before the edits and after (WAL checkpointed, server stopped). */
  fileBefore: FileSize;
  fileAfter: FileSize;
  typingSeconds: number;
}

/**
 * One document, `edits` keystrokes by `typists` real providers (each keystroke one update), then
 * the bytes the server stores for it once everything is stored and settled.
 */
export async function storedAfterEdits(
  server: BenchServer,
  content: LadderContent,
  edits: number,
  typists = 4,
): Promise<StoredAfterEdits> {
  const file = server.sqliteFile!;
  const rungs = server.id === 'rungs';
  const document = rungs
    ? await server.createDocument(content)
    : { name: `bench-${randomUUID()}`, seeded: false };
  let fileBefore: FileSize = { bytes: 0, freeBytes: 0 };
  await server.restart(async () => void (fileBefore = sizeIfAny(file)));

  const storedClocks = new Map<number, number>();
  const editors: Editor[] = [];
  try {
    for (let i = 0; i < typists; i++) {
      const doc = new Y.Doc();
      if (i === 0 && !document.seeded) writeLadderContent(doc, content);
      const editor = connectProviderEditor(server, document, doc, (clock) =>
        storedClocks.set(doc.clientID, clock),
      );
      editors.push(editor);
      await waitFor(() => editor.isSynced(), 'the typists to sync', 60_000);
    }
    await waitFor(() => editors.every((e) => e.doc.share.size > 1), 'the typists to receive the ladder');
    const people = typistsFor(editors.map((e) => e.doc));
    const started = performance.now();
    for (let i = 0; i < edits; i++) {
      people[i % typists]!.keystroke();
      if (i % BURST === BURST - 1) await new Promise((r) => setTimeout(r, 1));
    }
    const typingSeconds = (performance.now() - started) / 1000;
    const vectors = () => editors.map((e) => Y.encodeStateVector(e.doc));
    await waitFor(
      () => vectors().every((v) => sameState(v, vectors()[0]!)),
      'every typist to have every edit',
      120_000,
    );
    if (rungs) {
      await waitFor(
        () =>
          editors.every(
            (e) => (storedClocks.get(e.doc.clientID) ?? -1) >= Y.getState(e.doc.store, e.doc.clientID),
          ),
        'every edit to be acknowledged as stored',
        120_000,
      );
    }
    const expected = Y.encodeStateVector(editors[0]!.doc);
    const encodedStateBytes = Y.encodeStateAsUpdate(editors[0]!.doc).length;
    const read = () =>
      rungs
        ? rungsStored(file, document.name).totalBytes
        : (hocuspocusStored(file, document.name)?.length ?? 0);
    if (!rungs) {
      await waitFor(
        () => {
          const data = hocuspocusStored(file, document.name);
          return data !== null && sameState(Y.encodeStateVectorFromUpdate(data), expected);
        },
        'Hocuspocus to store every edit',
        120_000,
        100,
      );
    }
    await steady(read);
    const stored = rungs ? rungsStored(file, document.name) : null;
    let fileAfter: FileSize = { bytes: 0, freeBytes: 0 };
    for (const e of editors) e.destroy();
    editors.length = 0;
    await server.restart(async () => {
      fileAfter = sizeIfAny(file);
      if (rungs) {
        const state = await withStore(file, (s) => s.loadState(document.name));
        if (!sameState(Y.encodeStateVectorFromUpdate(state), expected))
          throw new Error('Rungs stored less than was typed');
      }
    });
    return {
      edits,
      typists,
      encodedStateBytes,
      storedBytes: stored ? stored.totalBytes : read(),
      ...(stored
        ? { snapshotBytes: stored.snapshotBytes, logRows: stored.logRows, logBytes: stored.logBytes }
        : {}),
      fileBefore,
      fileAfter,
      typingSeconds,
    };
  } finally {
    for (const e of editors) e.destroy();
  }
}

/** Waits until `read()` has answered the same for STEADY_MS. */
async function steady(read: () => number): Promise<void> {
  let last = read();
  let since = performance.now();
  while (performance.now() - since < STEADY_MS) {
    await new Promise((r) => setTimeout(r, 200));
    const now = read();
    if (now !== last) {
      last = now;
      since = performance.now();
    }
  }
}

const sizeIfAny = (file: string): FileSize =>
  fs.existsSync(file) ? checkpointedSize(file) : { bytes: 0, freeBytes: 0 };
