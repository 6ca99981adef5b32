import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMPETENCIES_MAP, LEVELS_MAP } from '@rungs/shared';
import { LadderSizeGuard } from './ladder-size-guard.ts';

const limits = { maxLevels: 3, maxCompetencies: 2, maxDocumentBytes: 4096 };

/** A client that edits its own copy of the room's document, and the update each edit makes. */
function clientOf(room: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
  return {
    doc,
    edit(fn: (d: Y.Doc) => void): Uint8Array {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => fn(doc));
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

function roomWithLevels(n: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++) doc.getMap(LEVELS_MAP).set(`L${i}`, new Y.Map());
  return doc;
}

const check = (guard: LadderSizeGuard, update: Uint8Array) => guard.check(update, Y.decodeUpdate(update));

describe('LadderSizeGuard', () => {
  it('refuses a level past the limit and accepts one within it', () => {
    const room = roomWithLevels(2);
    const guard = new LadderSizeGuard(room, limits);
    const client = clientOf(room);
    const third = client.edit((d) => d.getMap(LEVELS_MAP).set('L2', new Y.Map()));
    expect(check(guard, third)).toEqual({ ok: true });
    Y.applyUpdate(room, third);
    const fourth = client.edit((d) => d.getMap(LEVELS_MAP).set('L3', new Y.Map()));
    expect(check(guard, fourth)).toEqual({
      ok: false,
      problem: { kind: 'levels', count: 4, limit: 3 },
    });
    expect(room.getMap(LEVELS_MAP).size).toBe(3);
  });

  it('counts competencies on their own', () => {
    const room = new Y.Doc();
    const guard = new LadderSizeGuard(room, limits);
    const update = clientOf(room).edit((d) => {
      for (const id of ['C1', 'C2', 'C3']) d.getMap(COMPETENCIES_MAP).set(id, new Y.Map());
    });
    expect(check(guard, update)).toMatchObject({ ok: false, problem: { kind: 'competencies', count: 3 } });
  });

  it('sees a level brought back under a key used before (its update names no parent)', () => {
    const room = roomWithLevels(3);
    const guard = new LadderSizeGuard(room, limits);
    const client = clientOf(room);
    const removal = client.edit((d) => d.getMap(LEVELS_MAP).delete('L0'));
    Y.applyUpdate(room, removal);
    const replacement = client.edit((d) => d.getMap(LEVELS_MAP).set('L9', new Y.Map()));
    Y.applyUpdate(room, replacement);
    const revival = client.edit((d) => d.getMap(LEVELS_MAP).set('L0', new Y.Map()));
    expect(Y.decodeUpdate(revival).structs.some((s) => s instanceof Y.Item && s.parent === null)).toBe(true);
    expect(check(guard, revival)).toMatchObject({ ok: false, problem: { kind: 'levels', count: 4 } });
  });

  it('lets a ladder already over a limit shrink, and edits inside a full ladder through', () => {
    const room = roomWithLevels(5);
    const guard = new LadderSizeGuard(room, limits);
    const client = clientOf(room);
    expect(
      check(
        guard,
        client.edit((d) => d.getMap(LEVELS_MAP).delete('L1')),
      ),
    ).toEqual({ ok: true });
    const text = client.edit((d) => d.getXmlFragment('cell:L0:C0').insert(0, [new Y.XmlText('hello')]));
    expect(check(guard, text)).toEqual({ ok: true });
  });

  it('refuses text that would pass the byte limit, and accepts edits that fit', () => {
    const room = new Y.Doc();
    const guard = new LadderSizeGuard(room, limits);
    const client = clientOf(room);
    const small = client.edit((d) => d.getText('title').insert(0, 'x'.repeat(1000)));
    expect(check(guard, small)).toEqual({ ok: true });
    Y.applyUpdate(room, small);
    const big = client.edit((d) => d.getText('title').insert(0, 'y'.repeat(4000)));
    expect(check(guard, big)).toMatchObject({ ok: false, problem: { kind: 'bytes', limit: 4096 } });
    expect(room.getText('title').length).toBe(1000);
  });

  it('refuses an update that depends on changes the document does not have', () => {
    const room = new Y.Doc();
    const guard = new LadderSizeGuard(room, limits);
    const client = clientOf(room);
    client.edit((d) => d.getText('title').insert(0, 'never sent'));
    const dependent = client.edit((d) => d.getText('title').insert(10, '!'));
    expect(check(guard, dependent)).toEqual({ ok: false, problem: null });
  });
});
