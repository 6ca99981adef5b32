import { describe, expect, it } from 'vitest';
import { isPrintableKey, pendingKeyOf } from './key-buffer.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  pendingKeyOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('keys typed before the cell editor is ready', () => {
  it('counts one character as typing, also astral ones and Alt compositions', () => {
    expect(isPrintableKey(key('a'))).toBe(true);
    expect(isPrintableKey(key('😀'))).toBe(true);
    expect(isPrintableKey(key('@', { altKey: true }))).toBe(true);
  });

  it('does not count shortcuts and named keys as typing', () => {
    expect(isPrintableKey(key('a', { ctrlKey: true }))).toBe(false);
    expect(isPrintableKey(key('v', { metaKey: true }))).toBe(false);
    expect(isPrintableKey(key('Home'))).toBe(false);
    expect(isPrintableKey(key('Enter'))).toBe(false);
  });

  it('keeps only what replaying needs from the event', () => {
    const event = { key: 'x', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true, target: {} };
    expect(pendingKeyOf(event)).toEqual({
      key: 'x',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: true,
    });
  });
});
