import { threadId, type MessagePort } from 'node:worker_threads';
// The importer alone, not the whole shared package: a worker starts faster with less to load.
import { isImportError } from '@rungs/shared/import/errors';
import { importDocument } from '@rungs/shared/import/import-document';
import type { ImportOptions, ImportResult } from '@rungs/shared/import/types';
import type { LadderContent } from '@rungs/shared/model/index';
import { exportBinaryLadder, type BinaryExportFormat } from '@rungs/shared/export/office/index';

export interface ImportTask {
  input: string | Uint8Array;
  options: ImportOptions;
  /** Told when parsing starts, so the time budget leaves out the worker's own start-up. */
  started?: MessagePort;
}

/** What a worker sends back: errors as data, since an Error's own fields do not cross threads. */
export type ImportOutcome =
  | { ok: true; result: ImportResult; threadId: number; parseMs: number }
  | { ok: false; error: { code: string; message: string; line?: number }; threadId: number; parseMs: number };

/** Runs in a worker thread of the import pool (see import-pool.ts). */
export default async function runImport({ input, options, started }: ImportTask): Promise<ImportOutcome> {
  started?.postMessage('started');
  const start = performance.now();
  try {
    const result = await importDocument(input, options);
    return { ok: true, result, threadId, parseMs: performance.now() - start };
  } catch (err) {
    if (!isImportError(err)) throw err;
    const { code, message, line } = err;
    const error = { code, message, ...(line !== undefined ? { line } : {}) };
    return { ok: false, error, threadId, parseMs: performance.now() - start };
  }
}

export interface ExportTask {
  content: LadderContent;
  format: BinaryExportFormat;
  started?: MessagePort;
}

/** Writes a Word or Excel file in a worker thread: both take hundreds of ms on a large ladder. */
export async function runBinaryExport({ content, format, started }: ExportTask): Promise<Uint8Array> {
  started?.postMessage('started');
  return exportBinaryLadder(content, format);
}
