import type { PMNode } from '../../model/index.ts';
import { cellText } from '../document.ts';
import type { GridCell } from '../layout/cells.ts';
import { cellsToBlocks } from '../markdown/markdown-document.ts';

const HTML_CELL = /^\s*<(p|ul|ol|div|h[1-6]|table|blockquote|pre)\b/i;

/**
 * A spreadsheet cell: rich text read as Markdown (or HTML), and its plain text as written, which
 * names levels, competencies and attributes ("<b> 0" stays "<b> 0").
 */
function toCell(raw: string, blocks: PMNode[]): GridCell {
  let b = blocks;
  if (!b.length && /[\p{L}\p{N}]/u.test(raw)) {
    // Markdown read it as nothing (a lone "1." or "-"): keep the text as it is.
    b = raw
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] }));
  }
  return { text: HTML_CELL.test(raw) ? cellText(b) : raw.replace(/\s+/g, ' ').trim(), blocks: b };
}

/** Spreadsheet cells' text (Markdown, or HTML such as `<p>…</p>`) as rich text. */
export function textCells(raws: string[]): GridCell[] {
  const texts = raws.map((r) => r.replace(/\r/g, '').trim());
  const blocks = cellsToBlocks(texts, {});
  return texts.map((t, i) => toCell(t, blocks[i]!));
}

export function textToCell(raw: string): GridCell {
  return textCells([raw])[0]!;
}
