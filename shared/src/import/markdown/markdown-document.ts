import type { Root, RootContent, Table, TableCell as MdTableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { PMNode } from '../../model/index.ts';
import {
  cellText,
  type DocBlock,
  type SourceDocument,
  type TableBlock,
  type TableCell,
} from '../document.ts';
import { htmlDocumentBlocks } from '../html/html-document.ts';
import { htmlToBlocks, type RichTextContext } from '../rich-text/html-to-pm.ts';
import { mdastToBlocks, phrasing } from '../rich-text/mdast-to-pm.ts';
import { cellLinesToBlocks } from '../rich-text/cell-lines.ts';
import { inlinePlainText, normalizeBlocks, normalizeInline } from '../rich-text/normalize.ts';
import type { Warnings } from '../warnings.ts';
import { markdownChunks, shiftPositions } from './chunks.ts';
import { readFrontMatter } from './front-matter.ts';
import { repairEmphasis } from './repair.ts';
import {
  MAX_DELIMITER_RUNS,
  MAX_INDENT,
  MAX_NESTING,
  simplifyMarkdown,
  type Simplified,
} from './simplify.ts';
import { splitHeadingAnchor } from '../heading-anchor.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

/** The mdast of a document, parsed piece by piece where that gives the same tree (see `markdownChunks`). */
export function parseMarkdown(source: string): Root {
  const chunks = markdownChunks(source);
  if (chunks.length === 1) return processor.parse(source);
  const root: Root = { type: 'root', children: [] };
  for (const chunk of chunks) {
    const tree = processor.parse(chunk.text);
    shiftPositions(tree, chunk);
    root.children.push(...tree.children);
  }
  return root;
}

/** Repaired and simplified (see `simplifyMarkdown`) source, and its tree. */
function parseImported(source: string, ctx: RichTextContext): { text: string; tree: Root } {
  const simplified = simplifyMarkdown(repairEmphasis(source));
  ctx.onSimplified?.(simplified);
  return { text: simplified.text, tree: parseMarkdown(simplified.text) };
}

/** Import warnings naming what `simplifyMarkdown` changed. */
export function simplificationWarnings(s: Simplified, warnings: Warnings): void {
  const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
  if (s.nestingLines)
    warnings.add(
      'nesting_simplified',
      `Quotes and lists nested deeper than ${MAX_NESTING} levels were kept as text at level ${MAX_NESTING} (${lines(s.nestingLines)}).`,
    );
  if (s.indentLines)
    warnings.add(
      'indentation_simplified',
      `Indentation wider than ${MAX_INDENT} columns was reduced to ${MAX_INDENT} (${lines(s.indentLines)}).`,
    );
  if (s.emphasisParagraphs)
    warnings.add(
      'emphasis_simplified',
      `Paragraphs with more than ${MAX_DELIMITER_RUNS} bold or italic markers keep the text after the first ${MAX_DELIMITER_RUNS} as inline code, without bold or italic (${s.emphasisParagraphs} paragraph${s.emphasisParagraphs === 1 ? '' : 's'}).`,
    );
}

/**
 * Text with nothing Markdown would interpret (no emphasis, links, lists, HTML, entities, autolinks,
 * hard breaks): its paragraphs, without running the parser. Null when the parser is needed.
 */
function plainParagraphs(source: string): PMNode[] | null {
  if (/[*_`[\]<>#|~\\!&]|https?:|www\.|@| {2,}\n|^ {4}|^\t/m.test(source)) return null;
  if (/^\s*([-+*]|\d{1,9}[.)])(\s|$)|^\s*(=+|-+)\s*$/m.test(source)) return null;
  return normalizeBlocks(
    source
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
  );
}

/** Markdown (with GFM tables) to rich text blocks, for table cells and CSV cells. */
export function markdownToBlocks(source: string, ctx: RichTextContext): PMNode[] {
  return (
    plainParagraphs(source) ?? normalizeBlocks(mdastToBlocks(parseImported(source, ctx).tree.children, ctx))
  );
}

/** A cell written in HTML (`<p>…</p> <p>…</p>`) rather than Markdown: it starts with a block tag. */
const HTML_CELL = /^\s*<(p|ul|ol|div|h[1-6]|table|blockquote|pre)\b/i;
const SEPARATOR = '<!--rungs-cell-separator-->';

export interface CellOptions {
  /** Read `<br>` as a line break and trim every line (Markdown table cells). */
  breaks?: boolean;
}

/**
 * Many cells' raw text (Markdown, or HTML such as `<p>…</p>`) to rich text. Markdown cells are
 * parsed together, in one pass, separated by a marker comment; plain cells skip the parser.
 */
export function cellsToBlocks(raws: string[], ctx: RichTextContext, options: CellOptions = {}): PMNode[][] {
  const out: PMNode[][] = raws.map(() => []);
  const batch: Array<{ i: number; md: string }> = [];
  raws.forEach((raw, i) => {
    const text = options.breaks ? raw.replace(/\\\|/g, '|') : raw;
    if (!text.trim()) return;
    if (HTML_CELL.test(text)) {
      out[i] = normalizeBlocks(htmlToBlocks(text, ctx));
      return;
    }
    const md = options.breaks
      ? text
          .replace(/<br\s*\/?>/gi, '\n')
          .split('\n')
          .map((l) => l.trim())
          .join('\n')
      : text;
    const plain = plainParagraphs(md);
    if (plain) out[i] = plain;
    else if (/```|~~~|<!--|^\s*\[[^\]]+\]:/m.test(md)) out[i] = markdownToBlocks(md, ctx);
    else batch.push({ i, md });
  });
  if (!batch.length) return out;
  const { tree } = parseImported(batch.map((b) => b.md).join(`\n\n${SEPARATOR}\n\n`), ctx);
  const parts: RootContent[][] = [[]];
  for (const node of tree.children) {
    if (node.type === 'html' && node.value.trim() === SEPARATOR) parts.push([]);
    else parts[parts.length - 1]!.push(node);
  }
  if (parts.length !== batch.length) {
    for (const b of batch) out[b.i] = markdownToBlocks(b.md, ctx);
    return out;
  }
  batch.forEach((b, k) => (out[b.i] = normalizeBlocks(mdastToBlocks(parts[k]!, ctx))));
  return out;
}

/** A table cell's raw Markdown, with `<br>` as line breaks and `<p>` paragraphs, to rich text. */
export function cellSourceToBlocks(raw: string, ctx: RichTextContext): PMNode[] {
  return cellsToBlocks([raw], ctx, { breaks: true })[0]!;
}

export function markdownDocument(text: string, warnings: Warnings): SourceDocument {
  const { meta, body } = readFrontMatter(text, warnings);
  let images = 0;
  const ctx: RichTextContext = {
    onImage: () => void images++,
    onSimplified: (s) => simplificationWarnings(s, warnings),
  };
  // Our own export is written by a Markdown serializer: nothing to repair or simplify.
  const { text: source, tree } = body.slice(0, 4096).includes('<!-- rungs:ladder')
    ? { text: body, tree: parseMarkdown(body) }
    : parseImported(body, ctx);
  const blocks: DocBlock[] = [];
  for (const node of tree.children) blocks.push(...toDocBlocks(node, source, ctx));
  if (images)
    warnings.add(
      'images_dropped',
      `Dropped ${images} image${images === 1 ? '' : 's'} (pictures and emoji are not kept).`,
    );
  return { blocks, meta };
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

function toDocBlocks(node: RootContent, source: string, ctx: RichTextContext): DocBlock[] {
  const line = lineOf(node);
  if (node.type === 'heading') {
    const inline = normalizeInline(phrasing(node.children, [], ctx));
    const fullText = inlinePlainText(inline);
    let text = fullText;
    let anchor: string | undefined;
    const split = splitHeadingAnchor(text);
    if (split) ({ text, anchor } = split);
    return [{ kind: 'heading', depth: node.depth, text, ...(anchor ? { anchor, fullText } : {}), line }];
  }
  if (node.type === 'table') return [tableBlock(node, source, ctx)];
  if (node.type === 'html') {
    const marker = /^<!--\s*rungs:([\w-]+)(?:\s+[^>]*)?-->$/.exec(node.value.trim());
    if (marker) return [{ kind: 'marker', name: marker[1]!, line }];
    // Block HTML: tables stay tables; headings inside it are content, not structure.
    return htmlDocumentBlocks(node.value, ctx, { headingsAsContent: true }).map((b) => ({
      ...b,
      line: line + (b.line > 0 ? b.line - 1 : 0),
    }));
  }
  if (node.type === 'definition' || node.type === 'yaml') return [];
  return normalizeBlocks(mdastToBlocks([node], ctx)).map((n) => ({ kind: 'content', node: n, line }));
}

function cellRaw(cell: MdTableCell, source: string): string {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return source.slice(start, end);
}

/**
 * A GFM table cell: its inline content split at `<br>` into paragraphs and lists (or its HTML when
 * it holds `<p>`/`<ul>` blocks), and its text as written, for names and attribute values.
 */
function tableCell(cell: MdTableCell, source: string, ctx: RichTextContext): TableCell {
  const raw = cellRaw(cell, source);
  if (HTML_CELL.test(raw)) {
    const blocks = normalizeBlocks(htmlToBlocks(raw.replace(/\\\|/g, '|'), ctx));
    return { blocks, text: cellText(blocks) };
  }
  const inline = phrasing(cell.children, [], ctx);
  return { blocks: cellLinesToBlocks(inline), text: inlinePlainText(normalizeInline(inline)) };
}

function tableBlock(node: Table, source: string, ctx: RichTextContext): TableBlock {
  const rows: TableCell[][] = [];
  const rowLines: number[] = [];
  for (const row of node.children) {
    rows.push(row.children.map((cell) => tableCell(cell, source, ctx)));
    rowLines.push(lineOf(row));
  }
  const columns = rows[0]?.length ?? 0;
  let header = true;
  if (rows[0] && rows[0].every((c) => c.text === '')) {
    rows.shift();
    rowLines.shift();
    header = false;
  }
  return { kind: 'table', rows, header, columns, line: lineOf(node), rowLines };
}
