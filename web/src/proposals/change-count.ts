import type { LadderDiff } from '../diff/types.ts';

/** How many separate changes a diff holds (each cell, level or competency change counts once). */
export function changeCount(diff: LadderDiff): number {
  const { ladder, levels, competencies, cells } = diff;
  return (
    Object.keys(ladder).length +
    Object.values(levels).reduce((n, list) => n + list.length, 0) +
    Object.values(competencies).reduce((n, list) => n + list.length, 0) +
    cells.length
  );
}
