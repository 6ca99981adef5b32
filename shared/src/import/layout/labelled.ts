import type { PMNode } from '../../model/index.ts';
import { inlinePlainText } from '../rich-text/normalize.ts';

export interface LabelledItem {
  label: string;
  blocks: PMNode[];
}

const isBoldText = (n: PMNode | undefined) =>
  n?.type === 'text' && (n.marks ?? []).some((m) => m.type === 'bold');

/** `**Label**: text` (or `**Label:** text`, `**Label** — text`) as a label and the rest of the item. */
export function splitLabelledItem(item: PMNode): LabelledItem | null {
  const [first, ...rest] = item.content ?? [];
  if (!first || first.type !== 'paragraph') return null;
  const inline = first.content ?? [];
  let i = 0;
  while (i < inline.length && isBoldText(inline[i])) i++;
  if (i === 0) return null;
  let label = inlinePlainText(inline.slice(0, i));
  const remainder = inline.slice(i).map((n) => ({ ...n }));
  if (/[:：]$/.test(label)) label = label.replace(/\s*[:：]$/, '');
  else {
    const head = remainder[0];
    const m = head?.type === 'text' ? /^\s*(?:[:：]|[-–—](?=\s))\s*/.exec(head.text ?? '') : null;
    if (!m) return null;
    head!.text = head!.text!.slice(m[0].length);
    if (!head!.text) remainder.shift();
  }
  label = label.trim();
  if (!label || label.length > 80 || label.split(' ').length > 8) return null;
  const blocks: PMNode[] = [];
  if (remainder.length) blocks.push({ type: 'paragraph', content: remainder });
  blocks.push(...rest);
  return { label, blocks };
}

/** The items of a list when most of them are labelled; null when it is an ordinary list. */
export function labelledList(node: PMNode): Array<LabelledItem | PMNode> | null {
  if (node.type !== 'bulletList' && node.type !== 'orderedList') return null;
  const items = node.content ?? [];
  const split = items.map(splitLabelledItem);
  const labelled = split.filter(Boolean).length;
  if (labelled === 0 || labelled < 0.6 * items.length) return null;
  return items.map((item, i) => split[i] ?? item);
}

export function isLabelledItem(x: LabelledItem | PMNode): x is LabelledItem {
  return 'label' in x;
}
