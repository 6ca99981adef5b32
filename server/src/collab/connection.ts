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
}

/** Close codes a client can act on. 1007/1009/1011 are standard; 44xx are ours. */
export const CloseCode = {
  invalidMessage: 1007,
  messageTooBig: 1009,
  serverError: 1011,
  notFound: 4404,
  unauthorized: 4401,
  forbidden: 4403,
  readOnly: 4409,
  /** The session ended (logout, expiry) or the user's access changed: sign in again. */
  signedOut: 4401,
} as const;
