import type { Simplified } from '../markdown/simplify.ts';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { PMMark, PMNode } from '../../model/index.ts';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface RichTextContext {
  /** Called for every image dropped (images and emoji pictures are decoration). */
  onImage?: () => void;
  /** Called with what was simplified before a Markdown parse (see `simplifyMarkdown`). */
  onSimplified?: (simplified: Simplified) => void;
}

const SKIP = new Set([
  'script',
  'style',
  'head',
  'template',
  'noscript',
  'title',
  'meta',
  'link',
  'object',
  'iframe',
  'svg',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'body',
  'html',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'address',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'dl',
  'dt',
  'dd',
]);

export function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Parse an HTML fragment into ProseMirror blocks (not normalised). */
export function htmlToBlocks(html: string, ctx: RichTextContext = {}): PMNode[] {
  const fragment = parseFragment(html);
  return blocksOf(fragment.childNodes, ctx);
}

function hasBlockDescendant(el: Element): boolean {
  return el.childNodes.some((c) => isElement(c) && (BLOCK.has(c.tagName) || hasBlockDescendant(c)));
}

/** Convert a list of sibling nodes into blocks; inline runs become paragraphs. */
export function blocksOf(nodes: ChildNode[], ctx: RichTextContext): PMNode[] {
  const out: PMNode[] = [];
  let inline: PMNode[] = [];
  const flush = () => {
    if (inline.length) out.push({ type: 'paragraph', content: inline });
    inline = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      if (node.nodeName === '#text') inline.push(...inlineOf(node, [], ctx));
      continue;
    }
    const tag = node.tagName;
    if (SKIP.has(tag)) continue;
    if (!BLOCK.has(tag) && !hasBlockDescendant(node)) {
      inline.push(...inlineOf(node, [], ctx));
      continue;
    }
    flush();
    out.push(...blockOf(node, ctx));
  }
  flush();
  return out;
}

function blockOf(el: Element, ctx: RichTextContext): PMNode[] {
  const tag = el.tagName;
  const heading = /^h([1-6])$/.exec(tag);
  if (heading)
    return [{ type: 'heading', attrs: { level: Number(heading[1]) }, content: inlineChildren(el, [], ctx) }];
  switch (tag) {
    case 'p':
    case 'dd':
    case 'caption':
    case 'figcaption':
    case 'summary':
      return hasBlockDescendant(el)
        ? blocksOf(el.childNodes, ctx)
        : [{ type: 'paragraph', content: inlineChildren(el, [], ctx) }];
    case 'dt':
      return [{ type: 'paragraph', content: inlineChildren(el, [{ type: 'bold' }], ctx) }];
    case 'ul':
    case 'ol': {
      const items: PMNode[] = [];
      let loose: ChildNode[] = [];
      const flushLoose = () => {
        const blocks = blocksOf(loose, ctx);
        if (blocks.length) items.push({ type: 'listItem', content: blocks });
        loose = [];
      };
      for (const c of el.childNodes) {
        if (isElement(c) && c.tagName === 'li') {
          flushLoose();
          items.push({ type: 'listItem', content: blocksOf(c.childNodes, ctx) });
        } else loose.push(c);
      }
      flushLoose();
      if (tag === 'ol') {
        const start = Number(attr(el, 'start') ?? '1');
        return [
          { type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 }, content: items },
        ];
      }
      return [{ type: 'bulletList', content: items }];
    }
    case 'li':
      return [{ type: 'bulletList', content: [{ type: 'listItem', content: blocksOf(el.childNodes, ctx) }] }];
    case 'blockquote':
      return [{ type: 'blockquote', content: blocksOf(el.childNodes, ctx) }];
    case 'pre':
      return [
        { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: textContent(el) }] },
      ];
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'table':
      return tableAsBlocks(el, ctx);
    default:
      return blocksOf(el.childNodes, ctx);
  }
}

/** A table inside rich text (no table node in our schema): each cell's content, row by row. */
function tableAsBlocks(table: Element, ctx: RichTextContext): PMNode[] {
  const out: PMNode[] = [];
  for (const row of tableRows(table)) {
    for (const cell of row) out.push(...blocksOf(cell.childNodes, ctx));
  }
  return out;
}

/** The `<tr>` rows of a table (through thead/tbody/tfoot), each as its `<td>`/`<th>` elements. */
export function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element) => {
    for (const c of el.childNodes) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr')
        rows.push(
          c.childNodes.filter(
            (x): x is Element => isElement(x) && (x.tagName === 'td' || x.tagName === 'th'),
          ),
        );
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

export function textContent(node: ChildNode): string {
  if (!isElement(node))
    return node.nodeName === '#text' ? (node as DefaultTreeAdapterTypes.TextNode).value : '';
  if (node.tagName === 'br') return '\n';
  return node.childNodes.map(textContent).join('');
}

function inlineChildren(el: Element, marks: PMMark[], ctx: RichTextContext): PMNode[] {
  return el.childNodes.flatMap((c) => inlineOf(c, marks, ctx));
}

function styleMarks(el: Element, marks: PMMark[]): PMMark[] {
  const style = (attr(el, 'style') ?? '').toLowerCase();
  let out = marks;
  const add = (type: string) => {
    if (!out.some((m) => m.type === type)) out = [...out, { type }];
  };
  const remove = (type: string) => {
    out = out.filter((m) => m.type !== type);
  };
  switch (el.tagName) {
    case 'b':
    case 'strong':
      add('bold');
      break;
    case 'i':
    case 'em':
    case 'cite':
      add('italic');
      break;
    case 's':
    case 'del':
    case 'strike':
      add('strike');
      break;
    case 'u':
    case 'ins':
      add('underline');
      break;
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      add('code');
      break;
    case 'a': {
      const href = attr(el, 'href');
      if (href) out = [...out.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href } }];
      break;
    }
  }
  if (/font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(style)) add('bold');
  else if (/font-weight\s*:\s*(normal|[1-4]00)/.test(style)) remove('bold');
  if (/font-style\s*:\s*italic/.test(style)) add('italic');
  if (/text-decoration[^;]*line-through/.test(style)) add('strike');
  return out;
}

function inlineOf(node: ChildNode, marks: PMMark[], ctx: RichTextContext): PMNode[] {
  if (!isElement(node)) {
    if (node.nodeName !== '#text') return [];
    const text = (node as DefaultTreeAdapterTypes.TextNode).value;
    return text ? [marks.length ? { type: 'text', text, marks } : { type: 'text', text }] : [];
  }
  if (SKIP.has(node.tagName)) return [];
  if (node.tagName === 'br') return [{ type: 'hardBreak' }];
  if (node.tagName === 'img') {
    ctx.onImage?.();
    return [];
  }
  return inlineChildren(node, styleMarks(node, marks), ctx);
}

/** Inline content of an element, for headings and labels. */
export function inlineOfElement(el: Element, ctx: RichTextContext): PMNode[] {
  return inlineChildren(el, [], ctx);
}
