import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { PMMark, PMNode } from '../model/index.ts';
import { inlineToHtml } from './pm-to-html.ts';

/**
 * ProseMirror rich text to mdast, for Markdown export. Headings inside rich text become HTML
 * (`<h3>…</h3>`) so they can't be mistaken for the ladder's own structure; underline becomes `<u>`.
 */
export function blocksToMdast(blocks: PMNode[]): RootContent[] {
  return blocks.flatMap(block);
}

type Flow = BlockContent | DefinitionContent;

function block(node: PMNode): Flow[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: phrasing(node.content ?? []) }];
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 3)));
      return [{ type: 'html', value: `<h${level}>${inlineToHtml(node.content ?? [])}</h${level}>` }];
    }
    case 'bulletList':
    case 'orderedList': {
      const children: ListItem[] = (node.content ?? []).map((item) => {
        const inner = (item.content ?? []).flatMap(block);
        return {
          type: 'listItem',
          spread: false,
          children: inner.length ? inner : [{ type: 'paragraph', children: [] }],
        };
      });
      const ordered = node.type === 'orderedList';
      return [
        {
          type: 'list',
          ordered,
          ...(ordered ? { start: Number(node.attrs?.start ?? 1) } : {}),
          spread: false,
          children,
        },
      ];
    }
    case 'blockquote':
      return [{ type: 'blockquote', children: (node.content ?? []).flatMap(block) }];
    case 'codeBlock':
      return [
        {
          type: 'code',
          lang: (node.attrs?.language as string | null | undefined) ?? null,
          value: (node.content ?? []).map((t) => t.text ?? '').join(''),
        },
      ];
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }];
    default:
      return node.content ? node.content.flatMap(block) : [];
  }
}

/** Outermost first: a link around bold text stays one link. */
const WRAP_ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];

function sameMark(a: PMMark, b: PMMark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

export function phrasing(nodes: PMNode[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    if (node.type === 'hardBreak') {
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (node.type !== 'text') {
      i++;
      continue;
    }
    const marks = node.marks ?? [];
    const outer = WRAP_ORDER.map((t) => marks.find((m) => m.type === t)).find(Boolean);
    if (!outer) {
      out.push({ type: 'text', value: node.text ?? '' });
      i++;
      continue;
    }
    if (outer.type === 'code') {
      out.push({ type: 'inlineCode', value: node.text ?? '' });
      i++;
      continue;
    }
    // The run of following nodes that share this mark.
    let j = i;
    while (
      j < nodes.length &&
      nodes[j]!.type === 'text' &&
      (nodes[j]!.marks ?? []).some((m) => sameMark(m, outer))
    )
      j++;
    const inner = nodes
      .slice(i, j)
      .map((n) => ({ ...n, marks: (n.marks ?? []).filter((m) => !sameMark(m, outer)) }));
    const children = phrasing(inner);
    switch (outer.type) {
      case 'link':
        out.push({ type: 'link', url: String(outer.attrs?.href ?? ''), children });
        break;
      case 'bold':
        out.push({ type: 'strong', children });
        break;
      case 'italic':
        out.push({ type: 'emphasis', children });
        break;
      case 'strike':
        out.push({ type: 'delete', children });
        break;
      case 'underline':
        out.push({ type: 'html', value: '<u>' }, ...children, { type: 'html', value: '</u>' });
        break;
    }
    i = j;
  }
  return out;
}
