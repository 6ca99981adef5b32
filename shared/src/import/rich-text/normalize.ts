import type { PMMark, PMNode, RichText } from '../../model/index.ts';

/**
 * Canonical ProseMirror content for imported rich text, so that the same text always gives the same
 * JSON (round trips compare equal) and renders like the source did:
 * - whitespace runs collapse to one space (as HTML rendering does), text blocks are trimmed;
 * - adjacent text with the same marks merges, and so does a space between two runs that share
 *   marks (`**_I_** **_execute_**` is one bold-italic run "I execute");
 * - bold/italic/strike never start or end with a space (it would not survive Markdown);
 * - marks are sorted, empty paragraphs, list items and lists are dropped, and a list item always
 *   starts with a paragraph (the StarterKit schema).
 */
const MARK_ORDER = ['bold', 'italic', 'strike', 'underline', 'code', 'link'];
const FLANK_SENSITIVE = new Set(['bold', 'italic', 'strike']);
const TEXTBLOCKS = new Set(['paragraph', 'heading']);

export function normalizeDoc(blocks: PMNode[]): RichText {
  const content = normalizeBlocks(blocks);
  return { type: 'doc', content };
}

export function normalizeBlocks(blocks: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const block of blocks) {
    const n = normalizeBlock(block);
    if (n) out.push(...n);
  }
  return out;
}

function normalizeBlock(node: PMNode): PMNode[] | null {
  if (TEXTBLOCKS.has(node.type)) {
    const paragraphs = splitOnDoubleBreak(normalizeInline(node.content ?? []));
    const out: PMNode[] = [];
    for (const inline of paragraphs) {
      if (!inline.length) continue;
      out.push(withContent(node, inline));
    }
    return out.length ? out : null;
  }
  if (node.type === 'bulletList' || node.type === 'orderedList') {
    const items: PMNode[] = [];
    for (const item of node.content ?? []) {
      const it = normalizeListItem(item);
      if (it) items.push(it);
    }
    return items.length ? [withContent(node, items)] : null;
  }
  if (node.type === 'blockquote') {
    const inner = normalizeBlocks(node.content ?? []);
    return inner.length ? [withContent(node, inner)] : null;
  }
  if (node.type === 'codeBlock') {
    const text = (node.content ?? [])
      .map((c) => c.text ?? '')
      .join('')
      .replace(/\n+$/, '');
    if (!text.trim()) return null;
    return [
      {
        type: 'codeBlock',
        attrs: { language: (node.attrs?.language as string | null) ?? null },
        content: [{ type: 'text', text }],
      },
    ];
  }
  if (node.type === 'horizontalRule') return [{ type: 'horizontalRule' }];
  if (node.type === 'listItem') {
    const item = normalizeListItem(node);
    return item ? [item] : null;
  }
  if (node.type === 'text' || node.type === 'hardBreak') {
    return normalizeBlock({ type: 'paragraph', content: [node] });
  }
  // Unknown block: keep its text as paragraphs.
  const inner = normalizeBlocks(node.content ?? []);
  return inner.length ? inner : null;
}

function normalizeListItem(item: PMNode): PMNode | null {
  const inner = normalizeBlocks(item.type === 'listItem' ? (item.content ?? []) : [item]);
  if (!inner.length) return null;
  if (inner[0]!.type !== 'paragraph') inner.unshift({ type: 'paragraph' });
  return { type: 'listItem', content: inner };
}

function withContent(node: PMNode, content: PMNode[]): PMNode {
  const n: PMNode = { type: node.type };
  if (node.attrs && Object.keys(node.attrs).length) n.attrs = { ...node.attrs };
  n.content = content;
  return n;
}

function splitOnDoubleBreak(inline: PMNode[]): PMNode[][] {
  const parts: PMNode[][] = [[]];
  for (let i = 0; i < inline.length; i++) {
    const n = inline[i]!;
    if (n.type === 'hardBreak' && inline[i + 1]?.type === 'hardBreak') {
      while (inline[i + 1]?.type === 'hardBreak') i++;
      parts.push([]);
      continue;
    }
    parts[parts.length - 1]!.push(n);
  }
  return parts.map(trimBreaks);
}

function trimBreaks(inline: PMNode[]): PMNode[] {
  let a = 0;
  let b = inline.length;
  while (a < b && inline[a]!.type === 'hardBreak') a++;
  while (b > a && inline[b - 1]!.type === 'hardBreak') b--;
  const sliced = inline.slice(a, b);
  return trimEdges(sliced);
}

export function sortMarks(marks: PMMark[] | undefined): PMMark[] {
  if (!marks?.length) return [];
  const seen = new Map<string, PMMark>();
  for (const m of marks) if (!seen.has(m.type)) seen.set(m.type, m);
  return [...seen.values()].sort((x, y) => rank(x.type) - rank(y.type));
}

function rank(type: string): number {
  const i = MARK_ORDER.indexOf(type);
  return i < 0 ? MARK_ORDER.length : i;
}

export function sameMarks(a: PMMark[] | undefined, b: PMMark[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  return x.every(
    (m, i) => m.type === y[i]!.type && JSON.stringify(m.attrs ?? {}) === JSON.stringify(y[i]!.attrs ?? {}),
  );
}

function textNode(text: string, marks: PMMark[]): PMNode {
  return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
}

/** Normalise a run of inline nodes (text and hardBreak). */
export function normalizeInline(nodes: PMNode[]): PMNode[] {
  // 1. Flatten, collapse whitespace, sort marks, move edge spaces out of bold/italic/strike.
  const flat: PMNode[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      flat.push({ type: 'hardBreak' });
      continue;
    }
    if (n.type !== 'text') continue;
    const marks = sortMarks(n.marks);
    const isCode = marks.some((m) => m.type === 'code');
    const text = (n.text ?? '').replace(/[\s\u00a0\u200b\ufeff]+/g, ' ');
    if (!text) continue;
    if (isCode || !marks.some((m) => FLANK_SENSITIVE.has(m.type))) {
      flat.push(textNode(text, marks));
      continue;
    }
    const m = /^( ?)(.*?)( ?)$/s.exec(text)!;
    const outer = marks.filter((mk) => !FLANK_SENSITIVE.has(mk.type));
    if (m[1]) flat.push(textNode(' ', outer));
    if (m[2]) flat.push(textNode(m[2], marks));
    if (m[3]) flat.push(textNode(' ', outer));
  }
  // 2. A lone space between two runs with the same marks joins them.
  for (let i = 1; i < flat.length - 1; i++) {
    const n = flat[i]!;
    if (n.type === 'text' && n.text === ' ') {
      const prev = flat[i - 1]!;
      const next = flat[i + 1]!;
      if (prev.type === 'text' && next.type === 'text' && sameMarks(prev.marks, next.marks)) {
        flat[i] = textNode(' ', prev.marks ?? []);
      }
    }
  }
  // 3. Merge neighbours with equal marks and collapse the spaces where they meet.
  const merged: PMNode[] = [];
  for (const n of mergeRuns(flat)) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text' && sameMarks(last.marks, n.marks)) {
      last.text = (last.text! + n.text!).replace(/ {2,}/g, ' ');
    } else if (
      n.type === 'text' &&
      last?.type === 'text' &&
      last.text!.endsWith(' ') &&
      n.text!.startsWith(' ')
    ) {
      const rest = n.text!.slice(1);
      if (rest) merged.push({ ...n, text: rest });
    } else if (n.type === 'text' && last?.type === 'hardBreak' && n.text === ' ') {
      continue;
    } else {
      merged.push(n.type === 'text' ? { ...n } : n);
    }
  }
  // Spaces next to a hard break are invisible; drop them.
  for (let i = 0; i < merged.length; i++) {
    const n = merged[i]!;
    if (n.type !== 'text') continue;
    if (merged[i + 1]?.type === 'hardBreak') n.text = n.text!.replace(/ $/, '');
    if (merged[i - 1]?.type === 'hardBreak') n.text = n.text!.replace(/^ /, '');
  }
  return trimEdges(merged.filter((n) => n.type !== 'text' || n.text));
}

/**
 * Consecutive text nodes with the same marks as one node, their texts joined once (appending them
 * one by one and re-collapsing spaces each time is quadratic in a run of thousands of nodes).
 */
function mergeRuns(flat: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (let i = 0; i < flat.length;) {
    const n = flat[i]!;
    let j = i + 1;
    if (n.type === 'text')
      while (j < flat.length && flat[j]!.type === 'text' && sameMarks(n.marks, flat[j]!.marks)) j++;
    if (j === i + 1) out.push(n);
    else
      out.push({
        ...n,
        text: flat
          .slice(i, j)
          .map((t) => t.text)
          .join('')
          .replace(/ {2,}/g, ' '),
      });
    i = j;
  }
  return out;
}

function trimEdges(inline: PMNode[]): PMNode[] {
  const out = inline.map((n) => (n.type === 'text' ? { ...n } : n));
  while (out.length && out[0]!.type === 'text') {
    out[0]!.text = out[0]!.text!.replace(/^ +/, '');
    if (out[0]!.text) break;
    out.shift();
  }
  while (out.length && out[out.length - 1]!.type === 'text') {
    const last = out[out.length - 1]!;
    last.text = last.text!.replace(/ +$/, '');
    if (last.text) break;
    out.pop();
  }
  return out;
}

/** Plain text of inline nodes (hard breaks as spaces): for names, titles and labels. */
export function inlinePlainText(nodes: PMNode[]): string {
  return nodes
    .map((n) =>
      n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? ' ' : inlinePlainText(n.content ?? []),
    )
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
