import type { PhrasingContent, RootContent } from 'mdast';
import type { PMMark, PMNode } from '../../model/index.ts';
import { htmlToBlocks, type RichTextContext } from './html-to-pm.ts';

/** Convert mdast block nodes to ProseMirror blocks (not normalised). Images are dropped. */
export function mdastToBlocks(nodes: RootContent[], ctx: RichTextContext): PMNode[] {
  return nodes.flatMap((n) => blockOf(n, ctx));
}

function blockOf(node: RootContent, ctx: RichTextContext): PMNode[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', content: phrasing(node.children, [], ctx) }];
    case 'heading':
      return [{ type: 'heading', attrs: { level: node.depth }, content: phrasing(node.children, [], ctx) }];
    case 'list': {
      const items = node.children.map((item) => ({
        type: 'listItem',
        content: mdastToBlocks(item.children, ctx),
      }));
      if (node.ordered) return [{ type: 'orderedList', attrs: { start: node.start ?? 1 }, content: items }];
      return [{ type: 'bulletList', content: items }];
    }
    case 'listItem':
      return [
        { type: 'bulletList', content: [{ type: 'listItem', content: mdastToBlocks(node.children, ctx) }] },
      ];
    case 'blockquote':
      return [{ type: 'blockquote', content: mdastToBlocks(node.children, ctx) }];
    case 'code':
      return [
        {
          type: 'codeBlock',
          attrs: { language: node.lang ?? null },
          content: [{ type: 'text', text: node.value }],
        },
      ];
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }];
    case 'html':
      return htmlToBlocks(node.value, ctx);
    case 'table':
      // No table node in our schema: keep each cell's text, row by row.
      return node.children.flatMap((row) =>
        row.children.map((cell) => ({ type: 'paragraph', content: phrasing(cell.children, [], ctx) })),
      );
    case 'footnoteDefinition':
      return mdastToBlocks(node.children, ctx);
    default:
      return [];
  }
}

const OPEN_TAG = /^<\s*(b|strong|i|em|s|del|strike|u|ins|code|a)\b([^>]*)>$/i;
const CLOSE_TAG = /^<\s*\/\s*(b|strong|i|em|s|del|strike|u|ins|code|a)\s*>$/i;
const TAG_MARK: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  u: 'underline',
  ins: 'underline',
  code: 'code',
  a: 'link',
};

/** Inline mdast to ProseMirror inline nodes; inline HTML tags (`<br>`, `<b>…</b>`) are honoured. */
export function phrasing(nodes: PhrasingContent[], marks: PMMark[], ctx: RichTextContext): PMNode[] {
  const out: PMNode[] = [];
  let extra: PMMark[] = [];
  for (const node of nodes) {
    if (node.type === 'html') {
      const v = node.value.trim();
      if (/^<br\s*\/?>$/i.test(v)) out.push({ type: 'hardBreak' });
      else if (/^<img\b/i.test(v)) ctx.onImage?.();
      else if (OPEN_TAG.test(v)) {
        const [, tag, rest] = OPEN_TAG.exec(v)!;
        const type = TAG_MARK[tag!.toLowerCase()]!;
        if (type === 'link') {
          const href = /href\s*=\s*["']([^"']*)["']/i.exec(rest ?? '')?.[1];
          if (href) extra = [...extra, { type, attrs: { href } }];
        } else extra = [...extra, { type }];
      } else if (CLOSE_TAG.test(v)) {
        const type = TAG_MARK[CLOSE_TAG.exec(v)![1]!.toLowerCase()]!;
        const i = extra.map((m) => m.type).lastIndexOf(type);
        if (i >= 0) extra = [...extra.slice(0, i), ...extra.slice(i + 1)];
      } else if (!/^<!--/.test(v) && !/^<\/?[a-z][^>]*>$/i.test(v)) {
        out.push(...htmlToBlocks(v, ctx).flatMap((b) => b.content ?? []));
      }
      continue;
    }
    out.push(...inline(node, [...marks, ...extra], ctx));
  }
  return out;
}

function withMark(marks: PMMark[], mark: PMMark): PMMark[] {
  return [...marks.filter((m) => m.type !== mark.type), mark];
}

function inline(node: PhrasingContent, marks: PMMark[], ctx: RichTextContext): PMNode[] {
  switch (node.type) {
    case 'text':
      return node.value
        ? [marks.length ? { type: 'text', text: node.value, marks } : { type: 'text', text: node.value }]
        : [];
    case 'emphasis':
      return phrasing(node.children, withMark(marks, { type: 'italic' }), ctx);
    case 'strong':
      return phrasing(node.children, withMark(marks, { type: 'bold' }), ctx);
    case 'delete':
      return phrasing(node.children, withMark(marks, { type: 'strike' }), ctx);
    case 'inlineCode':
      return [{ type: 'text', text: node.value, marks: withMark(marks, { type: 'code' }) }];
    case 'link':
      return phrasing(node.children, withMark(marks, { type: 'link', attrs: { href: node.url } }), ctx);
    case 'linkReference':
      return phrasing(node.children, marks, ctx);
    case 'break':
      return [{ type: 'hardBreak' }];
    case 'image':
    case 'imageReference':
      ctx.onImage?.();
      return [];
    default:
      return 'children' in node
        ? phrasing((node as { children: PhrasingContent[] }).children, marks, ctx)
        : [];
  }
}
