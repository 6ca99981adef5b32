/** One client's websocket as the room sees it. Transport-agnostic so tests and Redis peers fit too. */
export interface CollabConnection {
  readonly id: string;
  /** Read-only connections still receive everything; their document updates are dropped. */
  readonly canWrite: boolean;
  /** Who is behind the connection, for logs and presence checks. */
  readonly userLabel: string;
  /** The signed-in user behind the connection; revoking them closes it. */
  readonly userId: string | null;
  /** The session it was opened with (absent for anonymous clients): logging out closes it. */
  readonly sessionId?: string | null;
  /** When that session expires (ms since the epoch): the connection is closed then. */
  readonly sessionExpiresAt?: number | null;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /**
   * Whether the connection may have the whole state sent to it now (sync step 1, query
   * awareness); those requests are rate-limited and dropped when over. Absent: always.
   */
  allowFullState?(): boolean;
}

/**
 * Close codes a client can act on. 1007/1009/1011 are standard. Ours: 40xx are temporary (the
 * client reconnects and resyncs), 44xx are final (y-websocket stops reconnecting; the browser says
 * why). Listed in README ("Websocket close codes").
 */
export const CloseCode = {
  invalidMessage: 1007,
  messageTooBig: 1009,
  serverError: 1011,
  /** This instance is shutting down (deploy, SIGTERM): reconnect, to another instance if there is one. */
  restarting: 1012,
  /** The client reads slower than the document changes: its unsent data reached the cap. */
  sendBufferFull: 4001,
  /** More messages or bytes per second than allowed. */
  rateLimited: 4002,
  /** More messages waiting to be handled than allowed. */
  queueFull: 4003,
  notFound: 4404,
  unauthorized: 4401,
  forbidden: 4403,
  readOnly: 4409,
  /**
   * The document became read-only (published or closed, maybe on another instance) before the
   * connection's last edits were stored: they were refused. Temporary: the client reconnects,
   * read-only now, and keeps its unsaved edits. One of the proposal codes (43xx) on purpose.
   */
  becameReadOnly: 4305,
  /** The session ended (logout, expiry) or the user's access changed: sign in again. */
  signedOut: 4401,
  /** The change would make the ladder larger than `LADDER_LIMITS`; resending it will not help. */
  ladderTooLarge: 4413,
  /** Too many open connections for this user or this document. */
  tooManyConnections: 4429,
} as const;
