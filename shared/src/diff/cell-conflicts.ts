/** Cells both sides changed differently (including an empty cell both sides filled). */
import { cellKey, type LadderContent } from '../model/index.ts';
import { filledCell } from './cells-diff.ts';
import { conflict, diverged } from './conflict-values.ts';
import { competencyLabel, levelLabel } from './refs.ts';
import type { Conflict } from './types.ts';

/** Only cells whose level and competency both sides still have; deletions are row conflicts. */
export function cellConflicts(base: LadderContent, ours: LadderContent, theirs: LadderContent): Conflict[] {
  const theirLevels = new Set(theirs.levels.map((l) => l.id));
  const theirCompetencies = new Set(theirs.competencies.map((c) => c.id));
  const out: Conflict[] = [];
  for (const level of ours.levels) {
    if (!theirLevels.has(level.id)) continue;
    for (const competency of ours.competencies) {
      if (!theirCompetencies.has(competency.id)) continue;
      const key = cellKey(level.id, competency.id);
      const values = [filledCell(base, key), filledCell(ours, key), filledCell(theirs, key)] as const;
      if (!diverged(values)) continue;
      const target = { type: 'cell', key, levelId: level.id, competencyId: competency.id } as const;
      const label = `cell ${levelLabel(level)} × '${competencyLabel(competency)}'`;
      out.push(conflict(target, 'both-changed', label, values));
    }
  }
  return out;
}
