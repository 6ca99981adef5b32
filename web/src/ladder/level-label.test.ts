import { describe, expect, it } from 'vitest';
import { levelFullName, levelName } from './level-label.ts';

describe('levelName', () => {
  it('is the code when there is one', () => {
    expect(levelName({ code: 'IC5', title: 'Staff Engineer' })).toBe('IC5');
  });

  it('falls back to the title, then to "this level"', () => {
    expect(levelName({ code: '', title: 'Staff Engineer' })).toBe('Staff Engineer');
    expect(levelName({ code: '', title: '' })).toBe('this level');
  });

  it('takes the fallback the sentence needs', () => {
    expect(levelName({ code: '', title: '' }, 'a level')).toBe('a level');
    expect(levelName({ code: '', title: '' }, '')).toBe('');
    expect(levelName({ code: 'IC5', title: '' }, 'a level')).toBe('IC5');
  });
});

describe('levelFullName', () => {
  it('joins code and title with a dash', () => {
    expect(levelFullName({ code: 'IC5', title: 'Staff Engineer' })).toBe('IC5 — Staff Engineer');
  });

  it('is the one part there is, without a separator', () => {
    expect(levelFullName({ code: 'IC5', title: '' })).toBe('IC5');
    expect(levelFullName({ code: '', title: 'Staff Engineer' })).toBe('Staff Engineer');
  });

  it('is "Untitled level" or the given fallback when both are blank', () => {
    expect(levelFullName({ code: '', title: '' })).toBe('Untitled level');
    expect(levelFullName({ code: '', title: '' }, { fallback: 'Level 3' })).toBe('Level 3');
  });

  it('takes another separator', () => {
    expect(levelFullName({ code: 'IC5', title: 'Staff' }, { separator: ' · ' })).toBe('IC5 · Staff');
    expect(levelFullName({ code: 'IC5', title: 'Staff' }, { separator: ' ' })).toBe('IC5 Staff');
  });
});
