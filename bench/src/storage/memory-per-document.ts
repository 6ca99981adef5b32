import * as Y from 'yjs';
import { writeLadderContent, type LadderContent } from '@rungs/shared';
import { connectEditor } from '../clients.ts';
import { waitFor, type Editor } from '../editor.ts';
import { rssMiB } from '../memory.ts';
import type { BenchDocument, BenchServer } from '../servers/index.ts';
import { forceGc } from './probes.ts';
import { hocuspocusStored } from './sqlite-files.ts';
import { randomUUID } from 'node:crypto';

/** Documents joining at once. */
const JOIN_CONCURRENCY = 5;
/** Time for the server to finish what the joins started (timers, awareness) before measuring. */
const SETTLE_MS = 2_000;

export interface MemoryPerDocument {
  documents: number;
  /** Mean `Y.encodeStateAsUpdate` length of the documents as the clients received them. */
  encodedStateBytes: number;
  /** VmRSS growth from none loaded to all loaded (after a full GC each time), ÷ documents. */
  rssPerDocumentBytes: number;
  /** The V8 heap's growth (heapUsed + external, after a full GC), ÷ documents. */
  heapPerDocumentBytes: number;
  /** Mean count of Yjs structs (items and GC ranges) per document: what a Y.Doc holds objects for. */
  structs: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
}

/**
 * K stored copies of `content`, as each server gets its documents: Rungs creates ladders over
 * REST; Hocuspocus is given them by clients and stores them (its debounce, then on unload).
 */
export async function storedDocuments(
  server: BenchServer,
  contents: LadderContent[],
): Promise<BenchDocument[]> {
  if (server.id === 'rungs') {
    const docs: BenchDocument[] = [];
    for (const content of contents) docs.push(await server.createDocument(content));
    return docs;
  }
  const docs = contents.map(() => ({ name: `bench-${randomUUID()}`, seeded: false }));
  const editors = contents.map((content, i) => {
    const doc = new Y.Doc();
    writeLadderContent(doc, content);
    return connectEditor('raw', server, docs[i]!, null, doc);
  });
  try {
    await waitFor(() => editors.every((e) => e.isSynced()), 'the Hocuspocus seeds to sync', 60_000);
    await waitFor(
      () => docs.every((d) => hocuspocusStored(server.sqliteFile!, d.name) !== null),
      'Hocuspocus to store every document',
      60_000,
      200,
    );
  } finally {
    for (const e of editors) e.destroy();
  }
  return docs;
}

/**
 * Restarts the server (nothing loaded), then opens every document with one raw client and reads
 * the server's memory before and after, each after a forced full GC (server started with
 * `gcOnSignal`).
 */
export async function memoryPerDocument(
  server: BenchServer,
  documents: BenchDocument[],
): Promise<MemoryPerDocument> {
  await server.restart();
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const before = await forceGc(server);
  // V8 hands pages freed by the GC back to the OS a little later; read RSS once it has.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rssBefore = rssMiB(server.pid());
  const editors: Editor[] = [];
  try {
    for (let i = 0; i < documents.length; i += JOIN_CONCURRENCY) {
      const batch = documents
        .slice(i, i + JOIN_CONCURRENCY)
        .map((d) => connectEditor('raw', server, d, null));
      editors.push(...batch);
      await waitFor(() => batch.every((e) => e.isSynced()), 'documents to open', 60_000);
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = await forceGc(server);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssAfter = rssMiB(server.pid());
    const k = documents.length;
    const encoded = editors.reduce((n, e) => n + Y.encodeStateAsUpdate(e.doc).length, 0) / k;
    const structs =
      editors.reduce(
        (n, e) => n + [...e.doc.store.clients.values()].reduce((m, list) => m + list.length, 0),
        0,
      ) / k;
    if (encoded < 100) throw new Error(`${server.label}: the opened documents are empty`);
    return {
      documents: k,
      encodedStateBytes: encoded,
      rssPerDocumentBytes: ((rssAfter - rssBefore) * 2 ** 20) / k,
      heapPerDocumentBytes: (after.heapUsed + after.external - before.heapUsed - before.external) / k,
      structs,
      rssBeforeMiB: rssBefore,
      rssAfterMiB: rssAfter,
    };
  } finally {
    for (const e of editors) e.destroy();
  }
}
