import { describe, expect, it } from 'vitest';
import { detectMoves } from './order-diff.ts';

const ids = (s: string) => s.split('');

describe('detectMoves', () => {
  it('finds nothing when the order is the same', () => {
    expect(detectMoves(ids('abcde'), ids('abcde'))).toEqual([]);
  });

  it('reports one move, not every item it jumped over', () => {
    expect(detectMoves(ids('abcde'), ids('adbce'))).toEqual([{ id: 'd', from: 3, to: 1 }]);
  });

  it('reports a move to the end', () => {
    expect(detectMoves(ids('abcde'), ids('bcdea'))).toEqual([{ id: 'a', from: 0, to: 4 }]);
  });

  it('reports a move to the start', () => {
    expect(detectMoves(ids('abcde'), ids('eabcd'))).toEqual([{ id: 'e', from: 4, to: 0 }]);
  });

  it('reports one of two swapped neighbours (the later one)', () => {
    expect(detectMoves(ids('abc'), ids('bac'))).toEqual([{ id: 'b', from: 1, to: 0 }]);
  });

  it('reports both items of a distant swap, not the ones between them', () => {
    expect(detectMoves(ids('abcde'), ids('adcbe'))).toEqual([
      { id: 'd', from: 3, to: 1 },
      { id: 'b', from: 1, to: 3 },
    ]);
  });

  it('does not count additions and removals as moves; indices are in the full lists', () => {
    expect(detectMoves(ids('abcd'), ids('xbcd'))).toEqual([]);
    expect(detectMoves(ids('abcd'), ids('acdb'))).toEqual([{ id: 'b', from: 1, to: 3 }]);
    expect(detectMoves(ids('abcd'), ids('xadcy'))).toEqual([{ id: 'd', from: 3, to: 2 }]);
  });

  it('breaks a tie between two shared items by how far each moved in the full list', () => {
    // a moved to the end past an added x; among a and b alone it looks like a swap.
    expect(detectMoves(ids('abc'), ids('bxa'))).toEqual([{ id: 'a', from: 0, to: 2 }]);
  });

  it('keeps the middle of a reversed list in place', () => {
    expect(detectMoves(ids('abc'), ids('cba'))).toEqual([
      { id: 'c', from: 2, to: 0 },
      { id: 'a', from: 0, to: 2 },
    ]);
  });
});
