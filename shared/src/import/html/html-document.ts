import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import {
  cellText,
  type DocBlock,
  type SourceDocument,
  type TableBlock,
  type TableCell,
} from '../document.ts';
import {
  attr,
  blocksOf,
  inlineOfElement,
  isElement,
  tableRows,
  textContent,
  type RichTextContext,
} from '../rich-text/html-to-pm.ts';
import { inlinePlainText, normalizeBlocks, normalizeInline } from '../rich-text/normalize.ts';
import { splitHeadingAnchor } from '../heading-anchor.ts';
import type { Warnings } from '../warnings.ts';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

const CONTAINERS = new Set([
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'center',
  'form',
  'span',
  'font',
  'b',
]);
const SKIP = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'meta', 'link', 'nav']);

export interface HtmlBlockOptions {
  /** Read `<h1>`…`<h6>` as rich text rather than as the document's structure. */
  headingsAsContent?: boolean;
}

function lineOf(node: ChildNode): number {
  return node.sourceCodeLocation?.startLine ?? 0;
}

function containsStructure(el: Element): boolean {
  return el.childNodes.some(
    (c) =>
      isElement(c) &&
      (/^h[1-6]$/.test(c.tagName) ||
        c.tagName === 'table' ||
        (CONTAINERS.has(c.tagName) && containsStructure(c))),
  );
}

/** Headings, tables and content blocks of an HTML fragment, in document order. */
export function htmlDocumentBlocks(
  html: string,
  ctx: RichTextContext,
  options: HtmlBlockOptions = {},
): DocBlock[] {
  const fragment = parseFragment(html, { sourceCodeLocationInfo: true });
  return walk(fragment.childNodes, ctx, options);
}

function walk(nodes: ChildNode[], ctx: RichTextContext, options: HtmlBlockOptions): DocBlock[] {
  const out: DocBlock[] = [];
  let run: ChildNode[] = [];
  const flush = () => {
    if (!run.length) return;
    const line = lineOf(run[0]!);
    for (const node of normalizeBlocks(blocksOf(run, ctx))) out.push({ kind: 'content', node, line });
    run = [];
  };
  for (const node of nodes) {
    if (!isElement(node)) {
      run.push(node);
      continue;
    }
    if (SKIP.has(node.tagName)) continue;
    const h = /^h([1-6])$/.exec(node.tagName);
    if (h && !options.headingsAsContent) {
      flush();
      const inline = normalizeInline(inlineOfElement(node, ctx));
      let text = inlinePlainText(inline);
      const id = attr(node, 'id');
      let anchor = id;
      const split = splitHeadingAnchor(text);
      if (split) ({ text, anchor } = split);
      if (text || anchor)
        out.push({
          kind: 'heading',
          depth: Number(h[1]),
          text,
          ...(anchor ? { anchor } : {}),
          line: lineOf(node),
        });
      continue;
    }
    if (node.tagName === 'table') {
      flush();
      out.push(tableBlock(node, ctx));
      continue;
    }
    if (CONTAINERS.has(node.tagName) && containsStructure(node)) {
      flush();
      out.push(...walk(node.childNodes, ctx, options));
      continue;
    }
    run.push(node);
  }
  flush();
  return out;
}

function tableBlock(table: Element, ctx: RichTextContext): TableBlock {
  const rows: TableCell[][] = [];
  const rowLines: number[] = [];
  let header = false;
  const elRows = tableRows(table).filter((row) => row.length > 0);
  elRows.forEach((row, i) => {
    const cells: TableCell[] = [];
    for (const cell of row) {
      const blocks = normalizeBlocks(blocksOf(cell.childNodes, ctx));
      cells.push({ blocks, text: cellText(blocks) });
      const span = Math.min(Number(attr(cell, 'colspan') ?? '1') || 1, 50);
      for (let k = 1; k < span; k++) cells.push({ blocks: [], text: '' });
    }
    if (i === 0) {
      const inHead =
        row[0]?.parentNode &&
        isElement(row[0].parentNode as ChildNode) &&
        (row[0].parentNode as Element).parentNode &&
        ((row[0].parentNode as Element).parentNode as Element).tagName === 'thead';
      header = row.length > 0 && (row.every((c) => c.tagName === 'th') || Boolean(inHead));
    }
    rows.push(cells);
    rowLines.push(row[0] ? lineOf(row[0]) : 0);
  });
  if (rows[0] && rows[0].every((c) => c.text === '')) {
    rows.shift();
    rowLines.shift();
    header = false;
  }
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return { kind: 'table', rows, header, columns, line: lineOf(table), rowLines };
}

/** A whole HTML document (or fragment): its blocks and its `<title>`. */
export function htmlDocument(html: string, warnings: Warnings): SourceDocument {
  let images = 0;
  const ctx: RichTextContext = { onImage: () => void images++ };
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const meta: SourceDocument['meta'] = { other: [] };
  const find = (nodes: ChildNode[], tag: string): Element | undefined => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.tagName === tag) return n;
      const inner = find(n.childNodes, tag);
      if (inner) return inner;
    }
    return undefined;
  };
  const title = find(doc.childNodes, 'title');
  if (title) {
    const t = textContent(title).replace(/\s+/g, ' ').trim();
    if (t) meta.title = t;
  }
  const body = find(doc.childNodes, 'body');
  const blocks = body ? walk(body.childNodes, ctx, {}) : [];
  if (images)
    warnings.add(
      'images_dropped',
      `Dropped ${images} image${images === 1 ? '' : 's'} (pictures and emoji are not kept).`,
    );
  return { blocks, meta };
}
