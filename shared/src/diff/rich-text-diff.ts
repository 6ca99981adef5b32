/**
 * Block-aware diff of two rich-text documents: blocks are aligned first (unchanged paragraphs and
 * list items stay whole), blocks that were edited are paired with their most similar counterpart,
 * and each pair gets a word-level diff.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { PMNode, RichText } from '../model/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { diffInline, runsAsSegments, type Granularity } from './inline-diff.ts';
import { blockKey, blockText, textBlocks, type TextBlock } from './rich-text-blocks.ts';
import type { BlockDiff } from './types.ts';

export interface RichTextDiffOptions {
  /** Word-level (default) or sentence-level segments inside changed blocks. */
  granularity?: Granularity;
}

/** Below this similarity an edited block reads as "removed one, added another". */
const PAIRING_THRESHOLD = 0.4;

type Doc = RichText | PMNode | null | undefined;

export function diffRichText(base: Doc, head: Doc, options: RichTextDiffOptions = {}): BlockDiff[] {
  const granularity = options.granularity ?? 'word';
  const baseBlocks = textBlocks(base);
  const headBlocks = textBlocks(head);
  const out: BlockDiff[] = [];
  let deleted: TextBlock[] = [];
  let inserted: TextBlock[] = [];
  let bi = 0;
  let hi = 0;
  const flush = () => {
    out.push(...alignEdited(deleted, inserted, granularity));
    deleted = [];
    inserted = [];
  };
  for (const change of diffArrays(baseBlocks.map(blockKey), headBlocks.map(blockKey))) {
    const n = change.count;
    if (change.removed) {
      deleted.push(...baseBlocks.slice(bi, bi + n));
      bi += n;
    } else if (change.added) {
      inserted.push(...headBlocks.slice(hi, hi + n));
      hi += n;
    } else {
      flush();
      for (const block of headBlocks.slice(hi, hi + n)) {
        out.push({ op: 'equal', block: block.info, segments: runsAsSegments(block.runs, 'equal') });
      }
      bi += n;
      hi += n;
    }
  }
  flush();
  return out;
}

export function hasBlockChanges(blocks: readonly BlockDiff[]): boolean {
  return blocks.some((b) => b.op !== 'equal');
}

/**
 * Pairs removed and added blocks between two unchanged ones, keeping their order and maximising
 * total similarity (a small dynamic programme: such stretches are a few blocks long).
 */
function alignEdited(deleted: TextBlock[], inserted: TextBlock[], granularity: Granularity): BlockDiff[] {
  const m = deleted.length;
  const n = inserted.length;
  const sim = deleted.map((d) => inserted.map((i) => similarity(d, i)));
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      const pair = s >= PAIRING_THRESHOLD ? s + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const out: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    const d = deleted[i];
    const ins = inserted[j];
    if (d && ins && sim[i]![j]! >= PAIRING_THRESHOLD && best[i]![j] === sim[i]![j]! + best[i + 1]![j + 1]!) {
      out.push(changedBlock(d, ins, granularity));
      i++;
      j++;
    } else if (d && (!ins || best[i]![j] === best[i + 1]![j])) {
      out.push({ op: 'delete', block: d.info, segments: runsAsSegments(d.runs, 'delete') });
      i++;
    } else if (ins) {
      out.push({ op: 'insert', block: ins.info, segments: runsAsSegments(ins.runs, 'insert') });
      j++;
    }
  }
  return out;
}

function changedBlock(base: TextBlock, head: TextBlock, granularity: Granularity): BlockDiff {
  const diff: BlockDiff = {
    op: 'change',
    block: head.info,
    segments: diffInline(base.runs, head.runs, granularity),
  };
  if (canonicalJson(base.info) !== canonicalJson(head.info)) diff.baseBlock = base.info;
  return diff;
}

/** Share of non-blank characters the two blocks have in common (0…1), by word diff. */
function similarity(a: TextBlock, b: TextBlock): number {
  const ta = blockText(a);
  const tb = blockText(b);
  const total = nonBlank(ta) + nonBlank(tb);
  if (total === 0) return a.info.type === b.info.type ? 1 : 0;
  let common = 0;
  for (const change of diffWordsWithSpace(ta, tb)) {
    if (!change.added && !change.removed) common += nonBlank(change.value);
  }
  return (2 * common) / total;
}

function nonBlank(text: string): number {
  return text.replace(/\s+/g, '').length;
}
