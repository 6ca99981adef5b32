import {
  cellKey,
  isEmptyDoc,
  newId,
  plainText,
  type Competency,
  type LadderContent,
  type PMNode,
} from '../model/index.ts';

/**
 * The import wizard's Split: a competency whose text holds labelled sections ("Technical skills:",
 * a heading, a bold label alone on its line) becomes one competency per label, across levels.
 */

const MAX_LABEL = 80;

function isBold(n: PMNode): boolean {
  return n.type === 'text' && (n.marks ?? []).some((m) => m.type === 'bold');
}

function cleanLabel(text: string): string {
  return text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*[:：]\s*$/, '')
    .trim();
}

/** A label that starts `block`, and what follows it in the same block (null when the block is not labelled). */
function labelOf(block: PMNode): { label: string; rest: PMNode | null } | null {
  if (block.type === 'heading') {
    const label = cleanLabel(plainText(block));
    return label && label.length <= MAX_LABEL ? { label, rest: null } : null;
  }
  if (block.type !== 'paragraph') return null;
  const inline = block.content ?? [];
  const text = plainText(block).trim();
  if (!text) return null;
  // "Technical skills:" alone, bold or not.
  if (/[:：]$/.test(text) && text.length <= MAX_LABEL + 1) return { label: cleanLabel(text), rest: null };
  // A bold label alone: "**Technical skills**".
  if (inline.every((n) => isBold(n) || n.type === 'hardBreak') && text.length <= MAX_LABEL)
    return { label: cleanLabel(text), rest: null };
  // "**Technical skills:** writes code": the bold label ends with a colon, the rest stays a paragraph.
  let k = 0;
  while (k < inline.length && isBold(inline[k]!)) k++;
  const lead = inline
    .slice(0, k)
    .map((n) => n.text ?? '')
    .join('');
  if (k > 0 && /[:：]\s*$/.test(lead) && lead.length <= MAX_LABEL + 1) {
    const tail = inline.slice(k);
    const first = tail[0];
    if (first?.type === 'text' && !isBold(first))
      tail[0] = { ...first, text: first.text!.replace(/^\s+/, '') };
    const rest = tail.filter((n) => n.type !== 'text' || n.text);
    return { label: cleanLabel(lead), rest: rest.length ? { ...block, content: rest } : null };
  }
  return null;
}

interface Sections {
  /** Blocks before the first label. */
  lead: PMNode[];
  sections: Array<{ label: string; blocks: PMNode[] }>;
}

function sectionsOf(blocks: PMNode[]): Sections {
  const out: Sections = { lead: [], sections: [] };
  for (const block of blocks) {
    const labelled = labelOf(block);
    if (labelled) {
      out.sections.push({ label: labelled.label, blocks: labelled.rest ? [labelled.rest] : [] });
    } else if (out.sections.length) out.sections[out.sections.length - 1]!.blocks.push(block);
    else out.lead.push(block);
  }
  return out;
}

const keyOf = (label: string) => label.toLowerCase();

/** The labels, in order of first appearance, that Split would make competencies of (empty when it cannot split). */
export function splitLabels(
  content: Pick<LadderContent, 'levels' | 'cells'>,
  competencyId: string,
): string[] {
  const labels = new Map<string, string>();
  for (const level of content.levels) {
    const cell = content.cells[cellKey(level.id, competencyId)];
    for (const s of sectionsOf(cell?.content ?? []).sections) {
      if (!labels.has(keyOf(s.label))) labels.set(keyOf(s.label), s.label);
    }
  }
  return labels.size >= 2 ? [...labels.values()] : [];
}

/**
 * Split competency `competencyId` into one competency per labelled section, in its place and
 * group; each level's text under a label goes to that label's competency. Text before the first
 * label stays in the original competency (which is removed when nothing is left in it).
 */
export function splitCompetency(content: LadderContent, competencyId: string): LadderContent {
  const original = content.competencies.find((c) => c.id === competencyId);
  const labels = splitLabels(content, competencyId);
  if (!original || !labels.length) return content;
  const parts: Competency[] = labels.map((label) => ({
    id: newId(),
    name: label,
    group: original.group,
    description: { type: 'doc', content: [] },
  }));
  const byLabel = new Map(labels.map((l, i) => [keyOf(l), parts[i]!]));
  const cells = { ...content.cells };
  let leadLeft = false;
  for (const level of content.levels) {
    const key = cellKey(level.id, competencyId);
    const { lead, sections } = sectionsOf(cells[key]?.content ?? []);
    delete cells[key];
    const lead_doc = { type: 'doc' as const, content: lead };
    if (!isEmptyDoc(lead_doc)) {
      cells[key] = lead_doc;
      leadLeft = true;
    }
    for (const s of sections) {
      const part = byLabel.get(keyOf(s.label))!;
      const partKey = cellKey(level.id, part.id);
      const blocks = [...(cells[partKey]?.content ?? []), ...s.blocks];
      if (blocks.length) cells[partKey] = { type: 'doc', content: blocks };
    }
  }
  const keepOriginal = leadLeft || !isEmptyDoc(original.description);
  const competencies = content.competencies.flatMap((c) =>
    c.id === competencyId ? [...(keepOriginal ? [c] : []), ...parts] : [c],
  );
  return { ...content, competencies, cells };
}
