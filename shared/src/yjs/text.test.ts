import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setYText, textSplice } from './text.ts';
import { push } from './testing.ts';

describe('setYText', () => {
  it('computes a minimal splice', () => {
    expect(textSplice('Senior Engineer', 'Senior Software Engineer')).toEqual({
      index: 7,
      remove: 0,
      insert: 'Software ',
    });
    expect(textSplice('abc', 'abc')).toBeNull();
    expect(textSplice('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
    expect(textSplice('', 'x')).toEqual({ index: 0, remove: 0, insert: 'x' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 = \uD83D\uDE00, 😁 = \uD83D\uDE01: common high surrogate must not be kept alone
    const s = textSplice('a😀b', 'a😁b')!;
    expect(s.index).toBe(1);
    expect(s.remove).toBe(2);
    expect(s.insert).toBe('😁');
    const t = new Y.Doc().getText('t');
    t.insert(0, 'a😀b');
    setYText(t, 'a😁b');
    expect(t.toString()).toBe('a😁b');
  });

  it('lets concurrent edits of different parts merge', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    a.getText('t').insert(0, 'Staff Engineer');
    const b = new Y.Doc();
    b.clientID = 2;
    push(a, b);
    setYText(a.getText('t'), 'Staff Software Engineer');
    setYText(b.getText('t'), 'Staff Engineer, Platform');
    push(a, b);
    push(b, a);
    expect(a.getText('t').toString()).toBe('Staff Software Engineer, Platform');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});
