import type { IncomingMessage } from 'node:http';

/**
 * Past this many unread bytes an oversized request is cut off instead of read to its end: enough
 * for a real client that sent a little too much to get its answer, not for a flood.
 */
export const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * Reads and discards the rest of a request body we refuse. Answering while the client is still
 * sending and then closing the connection makes the client fail with EPIPE or a reset instead of
 * reading the answer; after draining, the answer arrives and the connection can stay open.
 * Resolves false when the body was bigger than `limit` or the request broke off.
 */
export function drainRequest(raw: IncomingMessage, limit = DRAIN_LIMIT_BYTES): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (drained: boolean) => {
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onBroken);
      raw.off('close', onBroken);
      if (!drained) raw.pause();
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onBroken = () => finish(raw.complete);
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onBroken);
    raw.on('close', onBroken);
    raw.resume();
  });
}
