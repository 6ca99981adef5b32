/**
 * Flattens ProseMirror JSON into the blocks a reader sees (paragraphs, headings, list items…), each
 * with its inline text as runs of one mark set. This is the unit the rich-text diff aligns and
 * compares: two documents with the same blocks read the same, whatever their JSON looks like.
 */
import type { PMMark, PMNode, RichText } from '../model/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { BlockInfo } from './types.ts';

export interface TextRun {
  text: string;
  marks: PMMark[];
}

export interface TextBlock {
  info: BlockInfo;
  runs: TextRun[];
}

const TEXTBLOCK_TYPES = new Set(['paragraph', 'heading', 'codeBlock']);
const LIST_TYPES: Record<string, 'bullet' | 'ordered'> = { bulletList: 'bullet', orderedList: 'ordered' };

interface Context {
  list?: 'bullet' | 'ordered';
  depth: number;
  quote: boolean;
  /** Set while inside a list item: whether its first block was already emitted. */
  item?: { started: boolean };
}

/** The blocks of a document in reading order; empty paragraphs (blank lines) are left out. */
export function textBlocks(doc: RichText | PMNode | null | undefined): TextBlock[] {
  const blocks: TextBlock[] = [];
  if (!doc) return blocks;
  for (const child of doc.content ?? []) walk(child, { depth: 0, quote: false }, blocks);
  return blocks;
}

function walk(node: PMNode, ctx: Context, out: TextBlock[]): void {
  const listKind = LIST_TYPES[node.type];
  if (listKind) {
    const inner: Context = { list: listKind, depth: ctx.depth + 1, quote: ctx.quote };
    for (const child of node.content ?? []) walk(child, inner, out);
    return;
  }
  if (node.type === 'listItem' || node.type === 'taskItem') {
    const inner: Context = { ...ctx, item: { started: false } };
    for (const child of node.content ?? []) walk(child, inner, out);
    return;
  }
  if (node.type === 'blockquote') {
    for (const child of node.content ?? []) walk(child, { ...ctx, quote: true }, out);
    return;
  }
  if (isTextblock(node)) {
    const runs = inlineRuns(node.content ?? []);
    if (runs.length === 0 && node.type === 'paragraph') return;
    out.push({ info: blockInfo(node, ctx), runs });
    return;
  }
  if (!node.content || node.content.length === 0) {
    // A leaf block such as horizontalRule or image: it shows, so it counts.
    out.push({ info: blockInfo(node, ctx), runs: [] });
    return;
  }
  // Any other container (a node type from a future extension): read through it.
  for (const child of node.content) walk(child, ctx, out);
}

function isTextblock(node: PMNode): boolean {
  if (TEXTBLOCK_TYPES.has(node.type)) return true;
  return (node.content ?? []).some((c) => c.type === 'text' || c.type === 'hardBreak');
}

function blockInfo(node: PMNode, ctx: Context): BlockInfo {
  const info: BlockInfo = { type: node.type };
  const level = node.attrs?.['level'];
  if (node.type === 'heading' && typeof level === 'number') info.level = level;
  if (ctx.list) {
    info.list = ctx.list;
    info.depth = ctx.depth;
  }
  if (ctx.item) {
    if (ctx.item.started) info.continuation = true;
    ctx.item.started = true;
  }
  if (ctx.quote) info.quote = true;
  return info;
}

/** Inline content as runs; adjacent text with the same marks is merged, a hard break is "\n". */
function inlineRuns(inline: PMNode[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of inline) {
    const text = node.type === 'text' ? (node.text ?? '') : node.type === 'hardBreak' ? '\n' : '';
    if (text === '') continue;
    const marks = node.type === 'text' ? (node.marks ?? []) : [];
    const last = runs[runs.length - 1];
    if (last && marksKey(last.marks) === marksKey(marks)) last.text += text;
    else runs.push({ text, marks });
  }
  return runs;
}

/** A canonical key for a set of marks: order and attribute order do not matter. */
export function marksKey(marks: readonly PMMark[] | undefined): string {
  if (!marks || marks.length === 0) return '';
  return marks
    .map((m) => canonicalJson({ type: m.type, attrs: m.attrs ?? {} }))
    .sort()
    .join('|');
}

export function blockText(block: TextBlock): string {
  return block.runs.map((r) => r.text).join('');
}

/** A canonical key for a whole block: same key ⇔ same shape, text and marks. */
export function blockKey(block: TextBlock): string {
  return canonicalJson({ info: block.info, runs: block.runs.map((r) => [r.text, marksKey(r.marks)]) });
}

/** A canonical key for a document's readable content (empty documents all share one key). */
export function richTextKey(doc: RichText | PMNode | null | undefined): string {
  return textBlocks(doc).map(blockKey).join('\n');
}
