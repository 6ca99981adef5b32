/** Cell changes between two ladders, in matrix order, each with a block-aware word diff. */
import { cellKey, isEmptyDoc, type LadderContent, type RichText } from '../model/index.ts';
import { diffRichText, hasBlockChanges } from './rich-text-diff.ts';
import type { CellDiff } from './types.ts';

export function diffCells(base: LadderContent, head: LadderContent): CellDiff[] {
  const out: CellDiff[] = [];
  for (const levelId of unionIds(base.levels, head.levels)) {
    for (const competencyId of unionIds(base.competencies, head.competencies)) {
      const key = cellKey(levelId, competencyId);
      const before = filledCell(base, key);
      const after = filledCell(head, key);
      if (!before && !after) continue;
      const blocks = diffRichText(before, after);
      if (!hasBlockChanges(blocks)) continue;
      const change = !before ? 'added' : !after ? 'removed' : 'changed';
      out.push({ key, levelId, competencyId, change, blocks });
    }
  }
  return out;
}

/** The cell's text, or null when it is empty (missing, blank paragraphs only). */
export function filledCell(content: LadderContent, key: string): RichText | null {
  const doc = content.cells[key];
  return doc && !isEmptyDoc(doc) ? doc : null;
}

/** Head ids in head order, then ids only in base, in base order. */
function unionIds(base: readonly { id: string }[], head: readonly { id: string }[]): string[] {
  const ids = head.map((x) => x.id);
  const seen = new Set(ids);
  for (const x of base) if (!seen.has(x.id)) ids.push(x.id);
  return ids;
}
