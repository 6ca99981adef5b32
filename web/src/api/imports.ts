import type { ImportPreview } from '@rungs/shared/api/imports';
import type { FormatId } from '@rungs/shared/import/types';
import { ApiError, apiRequest } from './client.ts';

export type { ImportPreview };

/** A document to read: pasted or decoded text, or the raw bytes of an upload. */
export type ImportSource =
  { kind: 'text'; text: string; filename?: string } | { kind: 'base64'; base64: string; filename: string };

/** Why the server could not read a document, as it said it, with the source line when it knows it. */
export class ImportPreviewError extends Error {
  override name = 'ImportPreviewError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/**
 * `POST /api/imports/preview`: read a document into a ladder with warnings; creates nothing.
 * Throws `ImportPreviewError` with the server's message (and line) when the document can't be read.
 */
export async function previewImport(
  source: ImportSource,
  options: { format?: FormatId; title?: string; sheet?: string; signal?: AbortSignal } = {},
): Promise<ImportPreview> {
  const body = {
    ...(source.kind === 'text' ? { text: source.text } : { base64: source.base64 }),
    ...(source.filename ? { filename: source.filename.slice(0, 300) } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.title ? { title: options.title.slice(0, 200) } : {}),
    ...(options.sheet ? { sheet: options.sheet.slice(0, 100) } : {}),
  };
  try {
    return await apiRequest<ImportPreview>('/imports/preview', {
      method: 'POST',
      body,
      signal: options.signal,
      quiet401: true,
    });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    let message = err.message;
    if (err.status === 401) {
      message = 'Your session has ended. Reload the page and sign in again; your document is kept.';
    } else if (err.status === 413 && err.code === 'http_error') {
      message = 'The document is too large to import.';
    } else if (err.status === 503 && err.code !== 'import_busy') {
      message = 'The server is busy. Try again in a few seconds; your document is kept.';
    }
    throw new ImportPreviewError(message, err.status, err.code, err.line);
  }
}
