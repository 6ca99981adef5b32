import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fingerprintOfState, stateFingerprint } from './fingerprint.ts';

/** The server's original implementation (node:crypto): fingerprints stored with verdicts must still match. */
function nodeFingerprint(doc: Y.Doc): string {
  const hash = createHash('sha256');
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((a, b) => a[0] - b[0]);
  for (const [client, clock] of sv) hash.update(`s${client}:${clock};`);
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  for (const client of [...ds.clients.keys()].sort((a, b) => a - b)) {
    for (const r of [...ds.clients.get(client)!].sort((a, b) => a.clock - b.clock))
      hash.update(`d${client}:${r.clock}+${r.len};`);
  }
  return hash.digest('base64url').slice(0, 32);
}

describe('stateFingerprint', () => {
  it('equals the node:crypto fingerprint for documents with inserts and deletes from several clients', () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (let round = 0; round < 30; round++) {
      const doc = docs[round % 3]!;
      const text = doc.getText('t');
      text.insert(Math.min(round, text.length), `word${round} `);
      if (round % 4 === 3 && text.length > 4) text.delete(1, 3);
      const update = Y.encodeStateAsUpdate(doc);
      for (const other of docs) if (other !== doc) Y.applyUpdate(other, update);
      expect(stateFingerprint(doc)).toBe(nodeFingerprint(doc));
    }
    expect(stateFingerprint(docs[0]!)).toBe(stateFingerprint(docs[1]!));
  });

  it('changes with every edit, deletions included, and survives a round trip through the encoded state', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello');
    const before = stateFingerprint(doc);
    text.delete(0, 1);
    const after = stateFingerprint(doc);
    expect(after).not.toBe(before);
    expect(fingerprintOfState(Y.encodeStateAsUpdate(doc))).toBe(after);
    expect(stateFingerprint(new Y.Doc())).toBe(nodeFingerprint(new Y.Doc()));
  });
});
