import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { SessionUser } from '../auth/roles.ts';
import { CloseCode, type CollabConnection } from './connection.ts';

export interface SocketConnectionOptions {
  user: SessionUser | null;
  /** The sign-in this socket rides on: logout or expiry of that session closes it. */
  sessionId?: string | null;
  sessionExpiresAt?: number | null;
  canWrite: boolean;
  /** Unsent bytes allowed before the client counts as too slow and is closed. */
  maxBufferedBytes: number;
  allowFullState?: () => boolean;
  /** How long a closed socket may take to finish its closing handshake before it is dropped. */
  closeGraceMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * A `ws` socket as a room connection. Sends never queue without bound: a client that stops
 * reading (its unsent bytes would pass `maxBufferedBytes`) is closed with 4001 instead, and its
 * socket destroyed shortly after, since the close frame itself waits behind the unsent data. One
 * message bigger than the cap still goes out when nothing else waits (a large document's sync).
 */
export function socketConnection(socket: WebSocket, options: SocketConnectionOptions): CollabConnection {
  const close = (code: number, reason: string) => {
    if (socket.readyState !== socket.OPEN && socket.readyState !== socket.CONNECTING) return;
    socket.close(code, reason);
    const timer = setTimeout(() => socket.terminate(), options.closeGraceMs ?? 2000);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  };
  return {
    id: randomUUID(),
    canWrite: options.canWrite,
    userId: options.user?.id ?? null,
    userLabel: options.user?.email ?? 'anonymous',
    sessionId: options.sessionId ?? null,
    sessionExpiresAt: options.sessionExpiresAt ?? null,
    ...(options.allowFullState ? { allowFullState: options.allowFullState } : {}),
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      const buffered = socket.bufferedAmount;
      if (buffered > 0 && buffered + message.length > options.maxBufferedBytes) {
        options.log?.warn(
          { user: options.user?.id, buffered, cap: options.maxBufferedBytes },
          'closing connection: slow consumer (send buffer full)',
        );
        close(
          CloseCode.sendBufferFull,
          'This connection fell too far behind the document; reconnecting will catch up.',
        );
        return;
      }
      socket.send(message, { binary: true });
    },
    close,
  };
}
