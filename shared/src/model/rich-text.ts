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

/**
 * The JSON schema checks the envelope only: recursive schemas with an $id break Ajv when they are
 * embedded several times (route schemas), so nodes are checked by `richTextProblems` instead.
 */
export const RichTextSchema = Type.Object({
  type: Type.Literal('doc'),
  content: Type.Optional(Type.Array(Type.Any())),
});

const MAX_DEPTH = 64;

/** Structural problems of a ProseMirror JSON tree (empty when well-formed). */
export function richTextProblems(node: unknown, path: string, problems: string[] = [], depth = 0): string[] {
  if (problems.length >= 10) return problems;
  if (depth > MAX_DEPTH) {
    problems.push(`${path}: rich text is nested too deeply`);
    return problems;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push(`${path}: expected a rich-text node object`);
    return problems;
  }
  const n = node as Record<string, unknown>;
  if (typeof n.type !== 'string' || n.type === '') problems.push(`${path}/type: expected a node type`);
  if (n.text !== undefined && typeof n.text !== 'string') problems.push(`${path}/text: expected a string`);
  if (n.attrs !== undefined && (typeof n.attrs !== 'object' || n.attrs === null || Array.isArray(n.attrs))) {
    problems.push(`${path}/attrs: expected an object`);
  }
  if (n.marks !== undefined) {
    if (!Array.isArray(n.marks)) problems.push(`${path}/marks: expected an array`);
    else
      n.marks.forEach((m, i) => {
        if (typeof m !== 'object' || m === null || typeof (m as PMMark).type !== 'string') {
          problems.push(`${path}/marks/${i}: expected a mark with a type`);
        }
      });
  }
  if (n.content !== undefined) {
    if (!Array.isArray(n.content)) problems.push(`${path}/content: expected an array`);
    else n.content.forEach((c, i) => richTextProblems(c, `${path}/content/${i}`, problems, depth + 1));
  }
  return problems;
}

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
