import type { ImportErrorBody } from '@rungs/shared/api/imports';
import { dropPrefetched, takePrefetched } from './prefetched.ts';
/** A failed API call: the server's `{error: {code, message}}`, or a network failure. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** The source line the server points at (import errors). */
    readonly line?: number,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session's CSRF token, sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can ask to sign in again. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** What a refusal may carry: the shared `{ error }` shape, read defensively (a proxy may answer instead). */
type ErrorBody = Partial<{ error: Partial<ImportErrorBody['error']> }>;

type RequestOptions = { method?: string; body?: unknown; signal?: AbortSignal; quiet401?: boolean };

/** Sends a request to the Rungs REST API under /api; a refusal throws `ApiError` with a readable message. */
async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    if (method !== 'GET') dropPrefetched();
    const prefetched = method === 'GET' ? takePrefetched(path) : undefined;
    if (prefetched) options.signal?.throwIfAborted();
    res = await (prefetched ??
      fetch(`/api${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
      }));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      'Could not reach the Rungs server. Check your connection and try again.',
      0,
      'network',
    );
  }
  if (res.ok) return res;
  if (res.status === 401 && !options.quiet401) onUnauthorized?.();
  const error = (parseJson(await res.text()) as ErrorBody | undefined)?.error;
  throw new ApiError(
    error?.message ?? `The server answered ${res.status} ${res.statusText}.`,
    res.status,
    error?.code ?? 'http_error',
    error?.line,
  );
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** JSON request to the Rungs REST API under /api. Throws `ApiError` with a readable message. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  return parseJson(await res.text()) as T;
}

/** A request whose answer is a file (an export): its bytes. Throws `ApiError` like `apiRequest`. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  return (await send(path, options)).blob();
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
