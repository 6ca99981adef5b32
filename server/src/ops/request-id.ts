import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming X-Request-Id may be: short, and nothing a log line or header could be broken with. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/**
 * The id of a request in the logs: the caller's X-Request-Id (from a load balancer or a client
 * tracing its calls) when it is safe to log and echo, else a fresh UUID.
 */
export function requestIdFor(raw: IncomingMessage): string {
  const sent = raw.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(sent) ? sent[0] : sent;
  return value !== undefined && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}
