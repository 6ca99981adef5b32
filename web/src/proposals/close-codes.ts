/**
 * Websocket close codes the server uses when a proposal's state changes under its editors
 * (server/src/proposals/close-codes.ts). The socket reconnects at once with what the document
 * allows now; the page reloads the proposal to show why.
 */
export const ProposalCloseCode = {
  published: 4301,
  closed: 4302,
  reopened: 4303,
  publishCancelled: 4304,
  /** Edits arrived after the document became read-only and were refused (collab CloseCode). */
  becameReadOnly: 4305,
} as const;
