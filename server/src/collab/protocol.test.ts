import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { encodeUpdate, parseIncoming, ProtocolError } from './protocol.ts';

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe('parseIncoming', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  const update = Y.encodeStateAsUpdate(doc);

  it('accepts the y-websocket messages', () => {
    expect(parseIncoming(encodeUpdate(update))).toMatchObject({ kind: 'update', update });
    expect(parseIncoming(syncMessage(1, update)).kind).toBe('update');
    expect(parseIncoming(syncMessage(0, Y.encodeStateVector(doc))).kind).toBe('sync-step1');
    expect(parseIncoming(new Uint8Array([3])).kind).toBe('query-awareness');
  });

  it.each([
    ['an empty frame', new Uint8Array([])],
    ['an unknown message type', new Uint8Array([42])],
    ['an unknown sync step', syncMessage(7, update)],
    ['a truncated update', syncMessage(2, update.slice(0, update.length - 3))],
    ['garbage in an update', syncMessage(2, new Uint8Array([9, 200, 1, 2, 3, 250, 250]))],
    ['trailing bytes', new Uint8Array([...encodeUpdate(update), 1, 2, 3])],
    ['awareness claiming more bytes than it holds', new Uint8Array([1, 6, 1, 5, 1, 9, 123, 120])],
  ])('rejects %s with a ProtocolError', (_label, frame) => {
    expect(() => parseIncoming(frame)).toThrow(ProtocolError);
  });

  it('never throws anything but ProtocolError on random frames', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const frame = new Uint8Array(Math.floor(rand() * 64));
      for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(rand() * 256);
      if (i % 2 === 0 && frame.length > 2) frame[0] = 0;
      try {
        parseIncoming(frame);
      } catch (err) {
        expect(err).toBeInstanceOf(ProtocolError);
      }
    }
  });
});
