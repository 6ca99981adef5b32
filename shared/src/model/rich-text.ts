import { Type, type Static } from '@sinclair/typebox';

/**
 * Rich text is ProseMirror JSON using Tiptap StarterKit names:
 * nodes  doc, paragraph, text, heading{level}, bulletList, orderedList{start}, listItem,
 *        blockquote, codeBlock, hardBreak, horizontalRule
 * marks  bold, italic, strike, underline, code, link{href}
 */
export interface PMMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PMNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PMNode[];
  marks?: PMMark[];
  text?: string;
}

export interface RichText extends PMNode {
  type: 'doc';
}

export const PMMarkSchema = Type.Object({
  type: Type.String({ minLength: 1 }),
  attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const PMNodeSchema = Type.Recursive(
  (Self) =>
    Type.Object({
      type: Type.String({ minLength: 1 }),
      attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      content: Type.Optional(Type.Array(Self)),
      marks: Type.Optional(Type.Array(PMMarkSchema)),
      text: Type.Optional(Type.String()),
    }),
  { $id: 'PMNode' },
);

export const RichTextSchema = Type.Object({
  type: Type.Literal('doc'),
  content: Type.Optional(Type.Array(PMNodeSchema)),
});

export type RichTextStatic = Static<typeof RichTextSchema>;

export function emptyDoc(): RichText {
  return { type: 'doc', content: [] };
}

/** A document with no text and no non-empty structure (an empty paragraph counts as empty). */
export function isEmptyDoc(doc: PMNode | undefined | null): boolean {
  if (!doc) return true;
  return plainText(doc).trim() === '' && !containsAtom(doc);
}

function containsAtom(node: PMNode): boolean {
  if (node.type === 'horizontalRule') return true;
  return (node.content ?? []).some(containsAtom);
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'codeBlock',
  'bulletList',
  'orderedList',
]);

/** Plain text of a ProseMirror node; blocks are separated by newlines. */
export function plainText(node: PMNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const parts = (node.content ?? []).map(plainText);
  if ((node.content ?? []).some((c) => BLOCK_TYPES.has(c.type))) return parts.join('\n');
  return parts.join('');
}

/** Build a doc of paragraphs from plain text lines (helper for tests, samples and simple importers). */
export function docFromParagraphs(...paragraphs: string[]): RichText {
  return {
    type: 'doc',
    content: paragraphs.map((p) =>
      p === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: p }] },
    ),
  };
}

/** Build a doc holding one bullet list. */
export function docFromBullets(items: string[]): RichText {
  return {
    type: 'doc',
    content: [
      {
        type: 'bulletList',
        content: items.map((item) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }],
        })),
      },
    ],
  };
}
