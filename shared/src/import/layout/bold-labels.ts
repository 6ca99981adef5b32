import type { PMNode } from '../../model/index.ts';
import type { ContentBlock, DocBlock, HeadingBlock, SourceDocument } from '../document.ts';
import { inlinePlainText } from '../rich-text/normalize.ts';
import type { Warnings } from '../warnings.ts';

/**
 * Google Docs and Word write a competency as a paragraph of bold text (`**Customer focus**`)
 * followed by its bullets, under a level heading. When the document is shaped that way — at least
 * two such labels, each followed by content, in sections that have no sub-headings — the labels are
 * read as competency headings one level below their section, so the outline reader sees levels
 * holding competencies (and the text before the first label stays the level's summary).
 */
export function promoteBoldLabels(doc: SourceDocument, warnings: Warnings): SourceDocument {
  const candidates = labelCandidates(doc.blocks);
  if (candidates.size < 2) return doc;
  const blocks: DocBlock[] = doc.blocks.map((x) => {
    const depth = candidates.get(x);
    if (depth === undefined || x.kind !== 'content') return x;
    const heading: HeadingBlock = {
      kind: 'heading',
      depth,
      text: boldLabel(x.node)!,
      line: x.line,
    };
    return heading;
  });
  const names = [...new Set([...candidates.keys()].map((x) => boldLabel((x as ContentBlock).node)!))];
  const shown = names.slice(0, 3).map((n) => `“${n}”`);
  warnings.add(
    'bold_labels',
    `Paragraphs of bold text (${shown.join(', ')}${names.length > 3 ? ', …' : ''}) were read as competency names, and the text of each level before its first one as the level’s summary.`,
  );
  return { ...doc, blocks };
}

/** The text of a paragraph that is only bold text (a trailing colon dropped), or null. */
export function boldLabel(node: PMNode): string | null {
  if (node.type !== 'paragraph') return null;
  const inline = (node.content ?? []).filter((n) => !(n.type === 'text' && !n.text?.trim()));
  if (!inline.length) return null;
  if (!inline.every((n) => n.type === 'text' && (n.marks ?? []).some((m) => m.type === 'bold'))) return null;
  const label = inlinePlainText(inline)
    .replace(/\s*[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!label || label.length > 80 || label.split(' ').length > 8 || /[.!?]$/.test(label)) return null;
  return label;
}

/** Bold labels (with the depth their heading gets) in sections without sub-headings. */
function labelCandidates(blocks: DocBlock[]): Map<DocBlock, number> {
  const found = new Map<DocBlock, number>();
  let section: { depth: number; start: number } | null = null;
  const flush = (end: number) => {
    if (!section) return;
    const depth = section.depth;
    const next = blocks[end];
    if (next?.kind === 'heading' && next.depth > depth) return; // it has sub-headings
    const body = blocks.slice(section.start, end);
    if (body.some((x) => x.kind === 'marker')) return;
    body.forEach((x, i) => {
      if (x.kind !== 'content' || boldLabel(x.node) === null) return;
      const after = body[i + 1];
      const followed =
        after && (after.kind === 'table' || (after.kind === 'content' && !boldLabel(after.node)));
      if (followed) found.set(x, Math.min(6, depth + 1));
    });
  };
  blocks.forEach((x, i) => {
    if (x.kind !== 'heading') return;
    flush(i);
    section = { depth: x.depth, start: i + 1 };
  });
  flush(blocks.length);
  return found;
}
