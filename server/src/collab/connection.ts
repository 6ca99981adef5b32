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

export { CloseCode } from '@rungs/shared/api/close-codes';
