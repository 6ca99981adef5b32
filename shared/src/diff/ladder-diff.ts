/** The whole diff between two versions of a ladder (see `LadderDiff` for the JSON shape). */
import type { LadderContent } from '../model/index.ts';
import { diffCells } from './cells-diff.ts';
import { diffCompetencies } from './competencies-diff.ts';
import { diffLevels } from './levels-diff.ts';
import { diffRichText, hasBlockChanges } from './rich-text-diff.ts';
import type { LadderDiff } from './types.ts';

export function diffLadders(base: LadderContent, head: LadderContent): LadderDiff {
  const ladder: LadderDiff['ladder'] = {};
  if (base.title !== head.title) ladder.title = { from: base.title, to: head.title };
  if (base.track !== head.track) ladder.track = { from: base.track, to: head.track };
  const description = diffRichText(base.description, head.description);
  if (hasBlockChanges(description)) ladder.description = description;
  return {
    ladder,
    levels: diffLevels(base.levels, head.levels),
    competencies: diffCompetencies(base.competencies, head.competencies),
    cells: diffCells(base, head),
  };
}

/** True when the two ladders read the same (nothing to show, nothing to publish). */
export function isEmpty(diff: LadderDiff): boolean {
  const { ladder, levels, competencies, cells } = diff;
  return (
    Object.keys(ladder).length === 0 &&
    Object.values(levels).every((list) => list.length === 0) &&
    Object.values(competencies).every((list) => list.length === 0) &&
    cells.length === 0
  );
}
