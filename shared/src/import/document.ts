import type { PMNode } from '../model/index.ts';

/**
 * A source document reduced to what the layout readers need, whatever its syntax (Markdown and HTML
 * both produce this): headings, rich content blocks and tables, each with the line it starts on.
 */
export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  /** Plain heading text, images dropped, `{#anchor}` removed. */
  text: string;
  anchor?: string;
  /** The heading text with any `{#anchor}` left in (our own export writes none). */
  fullText?: string;
  line: number;
}

export interface ContentBlock {
  kind: 'content';
  node: PMNode;
  line: number;
}

export interface TableCell {
  blocks: PMNode[];
  /** Plain text of the cell, one line. */
  text: string;
}

export interface TableBlock {
  kind: 'table';
  /** Rows of cells; when `header` is true the first row is the table's header. */
  rows: TableCell[][];
  header: boolean;
  /** Number of columns the table declares (its header row, or its widest row). */
  columns: number;
  line: number;
  rowLines: number[];
}

/** `<!-- rungs:NAME -->`: written by our Markdown export so it reads back exactly. */
export interface MarkerBlock {
  kind: 'marker';
  name: string;
  line: number;
}

export type DocBlock = HeadingBlock | ContentBlock | TableBlock | MarkerBlock;

export interface SourceDocument {
  blocks: DocBlock[];
  /** Metadata from YAML front matter or an HTML <title>. */
  meta: {
    title?: string;
    track?: string;
    description?: string;
    other: Array<{ key: string; value: string }>;
  };
}

export interface Section {
  heading: HeadingBlock;
  /** Blocks between this heading and its first sub-heading. */
  content: DocBlock[];
  children: Section[];
}

export interface Outline {
  /** Blocks before the first heading. */
  preamble: DocBlock[];
  roots: Section[];
}

/** Nest sections by heading depth. */
export function buildOutline(blocks: DocBlock[]): Outline {
  const outline: Outline = { preamble: [], roots: [] };
  const stack: Section[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const section: Section = { heading: block, content: [], children: [] };
      while (stack.length && stack[stack.length - 1]!.heading.depth >= block.depth) stack.pop();
      if (stack.length) stack[stack.length - 1]!.children.push(section);
      else outline.roots.push(section);
      stack.push(section);
    } else if (stack.length) {
      const current = stack[stack.length - 1]!;
      // Blocks after a section's children belong to the last child (they follow its heading).
      current.content.push(block);
    } else outline.preamble.push(block);
  }
  return outline;
}

export function cellText(blocks: PMNode[]): string {
  const parts: string[] = [];
  const visit = (n: PMNode) => {
    if (n.type === 'text') parts.push(n.text ?? '');
    else if (n.type === 'hardBreak') parts.push(' ');
    else {
      for (const c of n.content ?? []) visit(c);
      if (n.type !== 'doc' && !['text', 'hardBreak'].includes(n.type)) parts.push(' ');
    }
  };
  blocks.forEach(visit);
  return parts
    .join('')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
