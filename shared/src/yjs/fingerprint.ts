import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Identifies the exact state of a Yjs document: its state vector (what was inserted) and its
 * delete set (what was deleted; deletions do not advance the state vector). Two documents with
 * the same content history have the same fingerprint however they were loaded, and any edit
 * changes it, which is what makes an approval stale. Browser-safe: the proposal page computes it
 * from its live document, the server from its room.
 */
export function stateFingerprint(doc: Y.Doc): string {
  const parts: string[] = [];
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
  for (const [client, clock] of sv) parts.push(`s${client}:${clock};`);
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  const clients = [...ds.clients.keys()].sort((a, b) => a - b);
  for (const client of clients) {
    const ranges = [...ds.clients.get(client)!].sort((a, b) => a.clock - b.clock);
    for (const r of ranges) parts.push(`d${client}:${r.clock}+${r.len};`);
  }
  return base64url(digest(encoder.encode(parts.join('')))).slice(0, 32);
}

export function fingerprintOfState(state: Uint8Array): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return stateFingerprint(doc);
  } finally {
    doc.destroy();
  }
}
