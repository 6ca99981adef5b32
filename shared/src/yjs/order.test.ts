import { describe, expect, it } from 'vitest';
import { orderKeyAt, orderKeysFor, type OrderedRow } from './order.ts';
import { compareOrder } from './layout.ts';

function apply(rows: OrderedRow[], id: string, index: number): string[] {
  const { key, rekey } = orderKeyAt(rows, index);
  const next = rows.map((r) => ({ id: r.id, order: rekey.get(r.id) ?? r.order }));
  next.push({ id, order: key });
  return next.sort(compareOrder).map((r) => r.id);
}

describe('orderKeyAt', () => {
  it('places between distinct neighbours without touching others', () => {
    const rows = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
    ];
    for (let i = 0; i <= 2; i++) {
      const { rekey } = orderKeyAt(rows, i);
      expect(rekey.size).toBe(0);
      const ids = apply(rows, 'n', i);
      expect(ids.indexOf('n')).toBe(i);
    }
  });

  it('re-spreads a run of tied keys so the new row lands exactly at the index', () => {
    const rows = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: 'a1' },
      { id: 'e', order: 'a2' },
    ];
    for (let i = 0; i <= rows.length; i++) {
      const ids = apply(rows, 'n', i);
      expect(ids.indexOf('n'), `index ${i}`).toBe(i);
      expect(ids.filter((x) => x !== 'n')).toEqual(['a', 'b', 'c', 'd', 'e']);
    }
    expect([...orderKeyAt(rows, 2).rekey.keys()].sort()).toEqual(['b', 'c', 'd']);
  });

  it('survives ties at the ends and unparseable keys', () => {
    const tiedStart = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a0' },
    ];
    expect(apply(tiedStart, 'n', 1)).toEqual(['a', 'n', 'b']);
    const broken = [
      { id: 'a', order: '' },
      { id: 'b', order: '' },
      { id: 'c', order: 'zz' },
      { id: 'd', order: 'a5' },
    ].sort(compareOrder);
    for (let i = 0; i <= broken.length; i++) expect(apply(broken, 'n', i).indexOf('n')).toBe(i);
  });
});

describe('orderKeysFor', () => {
  it('keeps the longest increasing run of existing keys', () => {
    const current = new Map([
      ['a', 'a0'],
      ['b', 'a1'],
      ['c', 'a2'],
      ['d', 'a3'],
    ]);
    // move d to the front, add n in the middle
    const keys = orderKeysFor(['d', 'a', 'n', 'b', 'c'], current);
    expect(keys.get('a')).toBe('a0');
    expect(keys.get('b')).toBe('a1');
    expect(keys.get('c')).toBe('a2');
    expect(keys.get('d')).not.toBe('a3');
    const sorted = [...keys.entries()].map(([id, order]) => ({ id, order })).sort(compareOrder);
    expect(sorted.map((r) => r.id)).toEqual(['d', 'a', 'n', 'b', 'c']);
  });

  it('handles duplicate and missing keys', () => {
    const current = new Map([
      ['a', 'a1'],
      ['b', 'a1'],
      ['c', 'bogus'],
    ]);
    const keys = orderKeysFor(['a', 'b', 'c', 'x'], current);
    const sorted = [...keys.entries()].map(([id, order]) => ({ id, order })).sort(compareOrder);
    expect(sorted.map((r) => r.id)).toEqual(['a', 'b', 'c', 'x']);
    expect(new Set(keys.values()).size).toBe(4);
  });
});
