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
  /** Publishing did not go through: reconnect to resend any edit held back meanwhile. */
  publishCancelled: 4304,
  /** Edits arrived after the document became read-only and were refused (collab CloseCode). */
  becameReadOnly: 4305,
} as const;
