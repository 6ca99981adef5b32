import { ExternalHyperlink, Paragraph, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { PMNode } from '../../model/index.ts';

/** The numbering our Word export declares for ordered lists (bullets use Word's own). */
export const ORDERED_LIST = 'rungs-ordered';

function runOptions(node: PMNode): IRunOptions {
  const marks = new Set((node.marks ?? []).map((m) => m.type));
  return {
    text: node.text ?? '',
    ...(marks.has('bold') ? { bold: true } : {}),
    ...(marks.has('italic') ? { italics: true } : {}),
    ...(marks.has('strike') ? { strike: true } : {}),
    ...(marks.has('underline') ? { underline: {} } : {}),
    ...(marks.has('code') ? { font: 'Courier New' } : {}),
  };
}

function inline(nodes: PMNode[] | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push(new TextRun({ text: '', break: 1 }));
    else if (n.type === 'text') {
      const link = n.marks?.find((m) => m.type === 'link');
      const run = new TextRun(runOptions(n));
      const href = link?.attrs?.['href'];
      out.push(
        typeof href === 'string' && href ? new ExternalHyperlink({ link: href, children: [run] }) : run,
      );
    }
  }
  return out;
}

interface ListContext {
  kind: 'bullet' | 'ordered';
  level: number;
  /** A separate numbering instance per ordered list, so each one restarts. */
  instance: number;
}

/** Rich text as Word paragraphs: lists as Word lists (nested by level), headings as bold lines. */
export function blocksToDocx(blocks: PMNode[] | undefined, counter = { lists: 0 }): Paragraph[] {
  const out: Paragraph[] = [];
  /** Blocks inside a list item after its first paragraph, and quotes, are indented. */
  const indented = (list: ListContext | null, indent: number) => {
    const steps = (list ? list.level + 1 : 0) + indent;
    return steps ? { indent: { left: 720 * steps } } : {};
  };
  const visit = (node: PMNode, list: ListContext | null, indent: number) => {
    switch (node.type) {
      case 'paragraph':
        out.push(new Paragraph({ children: inline(node.content), ...indented(list, indent) }));
        return;
      case 'heading':
        out.push(
          new Paragraph({
            children: inline(
              (node.content ?? []).map((t) => ({ ...t, marks: [...(t.marks ?? []), { type: 'bold' }] })),
            ),
            ...indented(list, indent),
          }),
        );
        return;
      case 'codeBlock':
        out.push(
          new Paragraph({
            children: [
              new TextRun({
                text: (node.content ?? []).map((t) => t.text ?? '').join(''),
                font: 'Courier New',
              }),
            ],
            ...indented(list, indent),
          }),
        );
        return;
      case 'blockquote':
        for (const c of node.content ?? []) visit(c, list, indent + 1);
        return;
      case 'horizontalRule':
        out.push(
          new Paragraph({
            children: [],
            border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } },
          }),
        );
        return;
      case 'bulletList':
      case 'orderedList': {
        const kind = node.type === 'bulletList' ? 'bullet' : 'ordered';
        const inner: ListContext = {
          kind,
          level: list ? Math.min(8, list.level + 1) : 0,
          instance: kind === 'ordered' ? ++counter.lists : 0,
        };
        for (const item of node.content ?? []) {
          (item.content ?? []).forEach((c, i) => {
            if (i === 0 && c.type === 'paragraph')
              out.push(new Paragraph({ children: inline(c.content), ...listProps(inner) }));
            else visit(c, inner, indent);
          });
        }
        return;
      }
      default:
        for (const c of node.content ?? []) visit(c, list, indent);
    }
  };
  for (const b of blocks ?? []) visit(b, null, 0);
  return out;
}

function listProps(list: ListContext) {
  return list.kind === 'bullet'
    ? { bullet: { level: list.level } }
    : { numbering: { reference: ORDERED_LIST, level: list.level, instance: list.instance } };
}
