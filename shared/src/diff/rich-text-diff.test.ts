import { describe, expect, it } from 'vitest';
import { diffRichText, hasBlockChanges } from './rich-text-diff.ts';
import { bold, bullets, doc, heading, p, para } from './test-fixtures.ts';

const paragraph = { type: 'paragraph' };
const bullet = { type: 'paragraph', list: 'bullet', depth: 1 };

describe('diffRichText: words inside one paragraph', () => {
  it('inserts a word', () => {
    expect(diffRichText(p('Ships small features.'), p('Ships small features independently.'))).toEqual([
      {
        op: 'change',
        block: paragraph,
        segments: [
          { kind: 'equal', text: 'Ships small features' },
          { kind: 'insert', text: ' independently' },
          { kind: 'equal', text: '.' },
        ],
      },
    ]);
  });

  it('deletes a sentence', () => {
    expect(
      diffRichText(p('Writes tests. Reviews code. Mentors juniors.'), p('Writes tests. Mentors juniors.')),
    ).toEqual([
      {
        op: 'change',
        block: paragraph,
        segments: [
          { kind: 'equal', text: 'Writes tests. ' },
          { kind: 'delete', text: 'Reviews code. ' },
          { kind: 'equal', text: 'Mentors juniors.' },
        ],
      },
    ]);
  });

  it('replaces a word: deletion first, then insertion', () => {
    expect(diffRichText(p('Owns small projects.'), p('Owns large projects.'))[0]!.segments).toEqual([
      { kind: 'equal', text: 'Owns ' },
      { kind: 'delete', text: 'small' },
      { kind: 'insert', text: 'large' },
      { kind: 'equal', text: ' projects.' },
    ]);
  });

  it('changes a bold word, keeping its marks on both sides', () => {
    const base = doc(para('Owns ', bold('small'), ' projects.'));
    const head = doc(para('Owns ', bold('large'), ' projects.'));
    expect(diffRichText(base, head)[0]!.segments).toEqual([
      { kind: 'equal', text: 'Owns ' },
      { kind: 'delete', text: 'small', marks: [{ type: 'bold' }] },
      { kind: 'insert', text: 'large', marks: [{ type: 'bold' }] },
      { kind: 'equal', text: ' projects.' },
    ]);
  });

  it('shows making a word bold as a formatting change', () => {
    const base = p('Owns small projects.');
    const head = doc(para('Owns ', bold('small'), ' projects.'));
    expect(diffRichText(base, head)).toEqual([
      {
        op: 'change',
        block: paragraph,
        segments: [
          { kind: 'equal', text: 'Owns ' },
          { kind: 'delete', text: 'small' },
          { kind: 'insert', text: 'small', marks: [{ type: 'bold' }] },
          { kind: 'equal', text: ' projects.' },
        ],
      },
    ]);
  });

  it('keeps marks on unchanged text', () => {
    const base = doc(para('Owns ', bold('small'), ' projects.'));
    const head = doc(para('Owns ', bold('small'), ' projects end to end.'));
    expect(diffRichText(base, head)[0]!.segments).toEqual([
      { kind: 'equal', text: 'Owns ' },
      { kind: 'equal', text: 'small', marks: [{ type: 'bold' }] },
      { kind: 'equal', text: ' projects' },
      { kind: 'insert', text: ' end to end' },
      { kind: 'equal', text: '.' },
    ]);
  });

  it('can mark whole sentences instead of words', () => {
    const base = p('Ships features. Writes tests.');
    const head = p('Ships features and mentors. Writes tests.');
    expect(diffRichText(base, head, { granularity: 'sentence' })[0]!.segments).toEqual([
      { kind: 'delete', text: 'Ships features.' },
      { kind: 'insert', text: 'Ships features and mentors.' },
      { kind: 'equal', text: ' Writes tests.' },
    ]);
  });
});

describe('diffRichText: blocks', () => {
  it('adds, keeps and removes list items whole', () => {
    const base = doc(bullets('Writes tests.', 'Reviews code.', 'Fixes bugs.'));
    const head = doc(bullets('Writes tests.', 'Fixes bugs.', 'Mentors juniors.'));
    expect(diffRichText(base, head)).toEqual([
      { op: 'equal', block: bullet, segments: [{ kind: 'equal', text: 'Writes tests.' }] },
      { op: 'delete', block: bullet, segments: [{ kind: 'delete', text: 'Reviews code.' }] },
      { op: 'equal', block: bullet, segments: [{ kind: 'equal', text: 'Fixes bugs.' }] },
      { op: 'insert', block: bullet, segments: [{ kind: 'insert', text: 'Mentors juniors.' }] },
    ]);
  });

  it('pairs an edited item with its old text even when its neighbour was deleted', () => {
    const base = doc(bullets('Plans the sprint.', 'Writes design documents.'));
    const head = doc(bullets('Writes short design documents.'));
    expect(diffRichText(base, head)).toEqual([
      { op: 'delete', block: bullet, segments: [{ kind: 'delete', text: 'Plans the sprint.' }] },
      {
        op: 'change',
        block: bullet,
        segments: [
          { kind: 'equal', text: 'Writes ' },
          { kind: 'insert', text: 'short ' },
          { kind: 'equal', text: 'design documents.' },
        ],
      },
    ]);
  });

  it('shows a rewritten paragraph as removed and added, not as a word soup', () => {
    expect(diffRichText(p('Ships small features.'), p('Leads the roadmap.'))).toEqual([
      { op: 'delete', block: paragraph, segments: [{ kind: 'delete', text: 'Ships small features.' }] },
      { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'Leads the roadmap.' }] },
    ]);
  });

  it('reports a paragraph turned into a bullet with its old shape', () => {
    expect(diffRichText(p('Writes tests.'), doc(bullets('Writes tests.')))).toEqual([
      {
        op: 'change',
        block: bullet,
        baseBlock: paragraph,
        segments: [{ kind: 'equal', text: 'Writes tests.' }],
      },
    ]);
  });

  it('describes headings, nested lists and continuation paragraphs', () => {
    const nested = doc(heading(3, 'Scope'), {
      type: 'orderedList',
      content: [
        {
          type: 'listItem',
          content: [para('Team'), para('and its partners'), bullets('Nested')],
        },
      ],
    });
    expect(diffRichText(null, nested).map((b) => b.block)).toEqual([
      { type: 'heading', level: 3 },
      { type: 'paragraph', list: 'ordered', depth: 1 },
      { type: 'paragraph', list: 'ordered', depth: 1, continuation: true },
      { type: 'paragraph', list: 'bullet', depth: 2 },
    ]);
  });

  it('fills an empty cell and empties a filled one', () => {
    expect(diffRichText(null, p('Writes tests.'))).toEqual([
      { op: 'insert', block: paragraph, segments: [{ kind: 'insert', text: 'Writes tests.' }] },
    ]);
    expect(diffRichText(doc(para('Writes tests.'), para()), doc())).toEqual([
      { op: 'delete', block: paragraph, segments: [{ kind: 'delete', text: 'Writes tests.' }] },
    ]);
  });

  it('sees no change where only the JSON differs (blank paragraphs, split text nodes, key order)', () => {
    const base = doc(para('Owns ', 'projects.'));
    const head = doc(para(), { content: [{ text: 'Owns projects.', type: 'text' }], type: 'paragraph' });
    const blocks = diffRichText(base, head);
    expect(blocks).toEqual([
      { op: 'equal', block: paragraph, segments: [{ kind: 'equal', text: 'Owns projects.' }] },
    ]);
    expect(hasBlockChanges(blocks)).toBe(false);
    expect(diffRichText(doc(), doc(para()))).toEqual([]);
  });

  it('treats a hard break as a line break inside the block', () => {
    const base = doc(para('Writes tests.', { type: 'hardBreak' }, 'Reviews code.'));
    const head = doc(para('Writes tests.', { type: 'hardBreak' }, 'Reviews all code.'));
    expect(diffRichText(base, head)[0]!.segments).toEqual([
      { kind: 'equal', text: 'Writes tests.\nReviews ' },
      { kind: 'insert', text: 'all ' },
      { kind: 'equal', text: 'code.' },
    ]);
  });
});
