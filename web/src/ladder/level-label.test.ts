import { describe, expect, it } from 'vitest';
import { levelFullName, levelName } from './level-label.ts';

const ic5 = { code: 'IC5', title: 'Staff Engineer' };
const codeOnly = { code: 'IC5', title: '' };
const titleOnly = { code: '', title: 'Staff Engineer' };
const blank = { code: '', title: '' };

describe('levelName: the code, else the title, else the fallback', () => {
  it.each([
    ['code and title', ic5, undefined, 'IC5'],
    ['a title only', titleOnly, undefined, 'Staff Engineer'],
    ['neither, default fallback', blank, undefined, 'this level'],
    ['neither, "a level"', blank, 'a level', 'a level'],
    ['neither, no fallback', blank, '', ''],
    ['a code, with a fallback', codeOnly, 'a level', 'IC5'],
  ])('%s', (_, level, fallback, expected) => {
    expect(levelName(level, fallback)).toBe(expected);
  });
});

describe('levelFullName: code and title together', () => {
  it.each([
    ['joined with a dash', ic5, {}, 'IC5 — Staff Engineer'],
    ['the code alone, no separator', codeOnly, {}, 'IC5'],
    ['the title alone, no separator', titleOnly, {}, 'Staff Engineer'],
    ['"Untitled level" when blank', blank, {}, 'Untitled level'],
    ['the given fallback when blank', blank, { fallback: 'Level 3' }, 'Level 3'],
    ['another separator', ic5, { separator: ' · ' }, 'IC5 · Staff Engineer'],
    ['a space', ic5, { separator: ' ' }, 'IC5 Staff Engineer'],
  ])('%s', (_, level, options, expected) => {
    expect(levelFullName(level, options)).toBe(expected);
  });
});
