import type { PMNode } from '../../model/index.ts';
import { cellText } from '../document.ts';
import type { GridCell } from '../layout/cells.ts';
import { cellSourceToBlocks, markdownToBlocks } from '../markdown/markdown-document.ts';

/** A spreadsheet cell's text (Markdown, or HTML such as `<p>…</p>`) as rich text. */
export function textToCell(raw: string): GridCell {
  const text = raw.replace(/\r/g, '').trim();
  if (!text) return { text: '', blocks: [] };
  const html = /<\/?(p|br|ul|ol|li|div)\b[^>]*>/i.test(text);
  let blocks: PMNode[] = html ? cellSourceToBlocks(text, {}) : markdownToBlocks(text, {});
  if (!blocks.length && /[\p{L}\p{N}]/u.test(text)) {
    blocks = text
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] }));
  }
  return { text: cellText(blocks), blocks };
}
