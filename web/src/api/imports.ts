import type { FormatId, ImportWarning, LayoutId } from '@rungs/shared/import/types';
import type { LadderContent } from '../domain.ts';
import { getSession } from './session.ts';

/** A document to read: pasted or decoded text, or the raw bytes of an upload. */
export type ImportSource =
  { kind: 'text'; text: string; filename?: string } | { kind: 'base64'; base64: string; filename: string };

export interface ImportPreview {
  content: LadderContent;
  format: FormatId;
  layout: LayoutId;
  warnings: ImportWarning[];
}

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

interface ErrorBody {
  error?: { code?: string; message?: string; line?: number };
}

let csrfToken: Promise<string | null> | null = null;

/**
 * The session's CSRF token. (The shared API client keeps its token private and drops the `line`
 * of import errors, so the preview, whose errors must show their line, makes its own request.)
 */
function sessionCsrfToken(fresh = false): Promise<string | null> {
  if (fresh || !csrfToken) {
    csrfToken = getSession().then(
      (s) => s.csrfToken,
      (err: unknown) => {
        csrfToken = null;
        throw err;
      },
    );
  }
  return csrfToken;
}

async function post(body: unknown, signal: AbortSignal | undefined, freshToken: boolean): Promise<Response> {
  const token = await sessionCsrfToken(freshToken);
  return fetch('/api/imports/preview', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: JSON.stringify(body),
    signal,
    credentials: 'same-origin',
  });
}

/**
 * `POST /api/imports/preview`: read a document into a ladder with warnings; creates nothing.
 * Throws `ImportPreviewError` with the server's message (and line) when the document can't be read.
 */
export async function previewImport(
  source: ImportSource,
  options: { format?: FormatId; title?: string; signal?: AbortSignal } = {},
): Promise<ImportPreview> {
  const body = {
    ...(source.kind === 'text' ? { text: source.text } : { base64: source.base64 }),
    ...(source.filename ? { filename: source.filename.slice(0, 300) } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.title ? { title: options.title.slice(0, 200) } : {}),
  };
  let res: Response;
  try {
    res = await post(body, options.signal, false);
    // A session that changed since the token was fetched (signed in again): fetch it once more.
    if (res.status === 403) res = await post(body, options.signal, true);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ImportPreviewError(
      'Could not reach the Rungs server. Check your connection and try again.',
      0,
      'network',
    );
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const error = (data as ErrorBody | undefined)?.error;
    let message = error?.message ?? `The server answered ${res.status} ${res.statusText}.`;
    if (res.status === 401) {
      message = 'Your session has ended. Reload the page and sign in again; your document is kept.';
    } else if (res.status === 413 && !error?.message) {
      message = 'The document is too large to import.';
    }
    throw new ImportPreviewError(message, res.status, error?.code ?? 'http_error', error?.line);
  }
  return data as ImportPreview;
}
