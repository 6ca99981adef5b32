import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fingerprintOfState, stateFingerprint } from './fingerprint.ts';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('stateFingerprint', () => {
  it('is the same for one state however it was loaded (one snapshot, or the update log replayed)', () => {
    const a = new Y.Doc();
    const log: Uint8Array[] = [];
    a.on('update', (u: Uint8Array) => log.push(u));
    a.getText('t').insert(0, 'hello world');
    a.getText('t').delete(0, 6);
    a.getText('t').insert(5, '!');
    const viaSnapshot = new Y.Doc();
    Y.applyUpdate(viaSnapshot, Y.encodeStateAsUpdate(a));
    const viaLog = new Y.Doc();
    for (const u of log) Y.applyUpdate(viaLog, u);
    expect(stateFingerprint(viaSnapshot)).toBe(stateFingerprint(a));
    expect(stateFingerprint(viaLog)).toBe(stateFingerprint(a));
    expect(fingerprintOfState(Y.encodeStateAsUpdate(a))).toBe(stateFingerprint(a));
  });

  it('changes with an insertion, and with a deletion alone (which keeps the state vector)', () => {
    const doc = docWithText('abc');
    const first = stateFingerprint(doc);
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').delete(1, 1);
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    const afterDelete = stateFingerprint(doc);
    expect(afterDelete).not.toBe(first);
    doc.getText('t').insert(0, 'x');
    expect(stateFingerprint(doc)).not.toBe(afterDelete);
  });
});
