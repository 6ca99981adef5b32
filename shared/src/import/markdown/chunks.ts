import type { Root } from 'mdast';

/** A piece of a Markdown document that parses the same on its own as inside the whole. */
export interface MarkdownChunk {
  text: string;
  /** 0-based offset and line of its first character in the document. */
  offset: number;
  line: number;
}

/** Pieces are at least this long: parsing thousands of one-line pieces costs more than it saves. */
const MIN_CHUNK = 4096;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A list item may continue its list after a blank line; any other unindented line starts anew. */
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** Link reference and footnote definitions apply document-wide: such documents are parsed whole. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
/** HTML blocks that end at a marker rather than at a blank line (CommonMark kinds 1 to 5). */
const HTML_UNTIL: Array<[RegExp, string]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, '</'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![a-z]/i, '>'],
];

/**
 * Split a document before unindented ATX headings, and before unindented lines other than list
 * items after a blank line, outside fenced code and HTML blocks: such a line closes every open
 * block (paragraph, list, quote, table), so each piece parses as it would in the whole. micromark's time grows with the square of the lists in one parse; pieces keep it linear.
 */
export function markdownChunks(source: string): MarkdownChunk[] {
  if (DEFINITION.test(source)) return [{ text: source, offset: 0, line: 1 }];
  const chunks: MarkdownChunk[] = [];
  let start = 0;
  let startLine = 1;
  let fence: string | null = null;
  let htmlEnd: string | null = null;
  let htmlUntilBlank = false;
  let afterBlank = false;
  let offset = 0;
  for (let line = 1; offset <= source.length; line++) {
    const newline = source.indexOf('\n', offset);
    const end = newline < 0 ? source.length : newline;
    const text = source.slice(offset, end);
    const blank = text.trim() === '';
    if (fence !== null) {
      const close = FENCE.exec(text);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && text.trim() === close[1])
        fence = null;
    } else if (htmlEnd !== null) {
      if (text.includes(htmlEnd)) htmlEnd = null;
    } else if (htmlUntilBlank) {
      if (blank) htmlUntilBlank = false;
    } else {
      const unindented = text !== '' && text[0] !== ' ' && text[0] !== '\t';
      const opensAnew = HEADING.test(text) || (afterBlank && unindented && !LIST_ITEM.test(text));
      if (offset - start >= MIN_CHUNK && opensAnew) {
        chunks.push({ text: source.slice(start, offset), offset: start, line: startLine });
        start = offset;
        startLine = line;
      }
      const open = FENCE.exec(text);
      if (open) fence = open[1]!;
      else if (/^ {0,3}</.test(text)) {
        const until = HTML_UNTIL.find(([re]) => re.test(text));
        if (until) htmlEnd = text.includes(until[1], text.indexOf('<') + 2) ? null : until[1];
        else htmlUntilBlank = true;
      }
    }
    afterBlank = blank && fence === null && htmlEnd === null;
    if (newline < 0) break;
    offset = newline + 1;
  }
  chunks.push({ text: source.slice(start), offset: start, line: startLine });
  return chunks;
}

interface Positioned {
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: Positioned[];
}

/** Move a chunk's tree to where the chunk sits in the document. */
export function shiftPositions(tree: Root, chunk: MarkdownChunk): void {
  if (chunk.offset === 0) return;
  const stack: Positioned[] = [...(tree.children as Positioned[])];
  while (stack.length) {
    const node = stack.pop()!;
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      point.line += chunk.line - 1;
      if (point.offset !== undefined) point.offset += chunk.offset;
    }
    if (node.children) for (const child of node.children) stack.push(child);
  }
}
