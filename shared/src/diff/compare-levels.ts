/**
 * "What is new from L4 to L5": per competency, the two cells side by side and the higher cell's
 * text with the expectations the lower cell does not have marked as `insert`.
 */
import { cellKey, type LadderContent, type RichText } from '../model/index.ts';
import { filledCell } from './cells-diff.ts';
import type { Granularity } from './inline-diff.ts';
import { normalizeSegments } from './inline-diff.ts';
import { competencyRef, levelRef } from './refs.ts';
import { diffRichText } from './rich-text-diff.ts';
import type { BlockDiff, CompetencyRef, LevelRef } from './types.ts';

export interface LevelComparisonRow {
  competency: CompetencyRef;
  lower: RichText | null;
  higher: RichText | null;
  /**
   * `empty`: both cells empty; `same`: same text; `new`: only the higher cell is filled;
   * `dropped`: only the lower one is; `changed`: both filled, with differences.
   */
  status: 'empty' | 'same' | 'new' | 'dropped' | 'changed';
  /**
   * The higher cell, block by block, with only `equal` and `insert` segments: `insert` is what the
   * lower cell does not say. Block ops: `insert` for a wholly new block, `change` for a block with
   * something new in it, `equal` otherwise.
   */
  newInHigher: BlockDiff[];
}

export interface LevelComparison {
  lower: LevelRef;
  higher: LevelRef;
  rows: LevelComparisonRow[];
}

export interface CompareLevelsOptions {
  /** `word` (default) marks new words; `sentence` marks whole sentences that are new. */
  granularity?: Granularity;
}

export function compareLevels(
  content: LadderContent,
  lowerLevelId: string,
  higherLevelId: string,
  options: CompareLevelsOptions = {},
): LevelComparison {
  const lower = findLevel(content, lowerLevelId);
  const higher = findLevel(content, higherLevelId);
  const rows = content.competencies.map((competency): LevelComparisonRow => {
    const lowerCell = filledCell(content, cellKey(lowerLevelId, competency.id));
    const higherCell = filledCell(content, cellKey(higherLevelId, competency.id));
    const blocks = diffRichText(lowerCell, higherCell, options);
    return {
      competency: competencyRef(competency),
      lower: lowerCell,
      higher: higherCell,
      status: rowStatus(lowerCell, higherCell, blocks),
      newInHigher: higherView(blocks),
    };
  });
  return { lower: levelRef(lower), higher: levelRef(higher), rows };
}

function findLevel(content: LadderContent, id: string) {
  const level = content.levels.find((l) => l.id === id);
  if (!level) throw new Error(`No level with id ${id} in this ladder`);
  return level;
}

function rowStatus(
  lower: RichText | null,
  higher: RichText | null,
  blocks: BlockDiff[],
): LevelComparisonRow['status'] {
  if (!lower && !higher) return 'empty';
  if (!lower) return 'new';
  if (!higher) return 'dropped';
  return blocks.every((b) => b.op === 'equal') ? 'same' : 'changed';
}

/** The diff seen from the higher level: what it lost is dropped, what it adds stays marked. */
function higherView(blocks: BlockDiff[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  for (const b of blocks) {
    if (b.op === 'delete') continue;
    if (b.op !== 'change') {
      out.push(b);
      continue;
    }
    const segments = normalizeSegments(b.segments.filter((s) => s.kind !== 'delete'));
    const hasNew = segments.some((s) => s.kind === 'insert');
    out.push({ op: hasNew ? 'change' : 'equal', block: b.block, segments });
  }
  return out;
}
