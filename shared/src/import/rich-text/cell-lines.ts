import type { PMNode } from '../../model/index.ts';
import { normalizeBlocks } from './normalize.ts';

const MARKER = /^\s*(?:([*\-+•])|(\d{1,9})[.)])\s+/;

function isBlank(line: PMNode[]): boolean {
  return line.every((n) => n.type === 'text' && !(n.text ?? '').trim());
}

/** A line that starts with a list marker ("* ", "- ", "1. "): the kind of list and the line without it. */
function listMarker(line: PMNode[]): { ordered: boolean; start: number; rest: PMNode[] } | null {
  const first = line[0];
  if (!first || first.type !== 'text') return null;
  const m = MARKER.exec(first.text ?? '');
  if (!m) return null;
  const text = first.text!.slice(m[0].length);
  const rest = text ? [{ ...first, text }, ...line.slice(1)] : line.slice(1);
  return { ordered: m[2] !== undefined, start: m[2] !== undefined ? Number(m[2]) : 1, rest };
}

/**
 * The inline content of a table cell, whose only structure is `<br>` line breaks, as blocks:
 * a blank line (`<br><br>`) separates paragraphs, lines starting with `* `, `- ` or `1. ` are list
 * items, and a single `<br>` inside a paragraph stays a line break.
 */
export function cellLinesToBlocks(inline: PMNode[]): PMNode[] {
  const lines: PMNode[][] = [[]];
  for (const n of inline) {
    if (n.type === 'hardBreak') lines.push([]);
    else lines[lines.length - 1]!.push(n);
  }
  // "1. Foo" alone in a cell is text that starts with a number, not a one-item list.
  const multiline = lines.filter((l) => !isBlank(l)).length > 1;
  const blocks: PMNode[] = [];
  let paragraph: PMNode | null = null;
  let list: PMNode | null = null;
  for (const line of lines) {
    if (isBlank(line)) {
      // A blank line ends a paragraph; a list goes on if the next line is another item.
      paragraph = null;
      continue;
    }
    const marker = listMarker(line);
    if (marker && (multiline || !marker.ordered)) {
      const type = marker.ordered ? 'orderedList' : 'bulletList';
      if (!list || list.type !== type) {
        list = { type, ...(marker.ordered ? { attrs: { start: marker.start } } : {}), content: [] };
        blocks.push(list);
      }
      paragraph = { type: 'paragraph', content: [...marker.rest] };
      list.content!.push({ type: 'listItem', content: [paragraph] });
      continue;
    }
    if (paragraph) paragraph.content!.push({ type: 'hardBreak' }, ...line);
    else {
      list = null;
      paragraph = { type: 'paragraph', content: [...line] };
      blocks.push(paragraph);
    }
  }
  return normalizeBlocks(blocks);
}
