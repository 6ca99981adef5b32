/**
 * Websocket close codes, shared by the server that sends them and the browser that acts on them.
 * Browser-safe: no server imports.
 */

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

/**
 * Websocket close codes for live proposal documents whose state changed under their editors.
 * All are outside 4400–4499, which y-websocket treats as final: the clients reconnect at once and
 * get what the document allows now (read-only once merged or closed). The web app can use the
 * code (or the reason) to tell the user what happened.
 */
export const ProposalCloseCode = {
  /** Published as a version: read-only from now on. */
  published: 4301,
  /** Closed without publishing: read-only until reopened. */
  closed: 4302,
  /** Reopened: editable again. */
  reopened: 4303,
  /** Edits arrived after the document became read-only and were refused (`CloseCode.becameReadOnly`). */
  becameReadOnly: 4305,
} as const;
