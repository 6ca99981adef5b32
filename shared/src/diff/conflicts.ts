/**
 * Three-way conflict detection before a merge: a proposal forked at `base`, the published line
 * moved on to `theirs`, the proposal is now `ours`. Lists every ladder field, level or competency
 * field and cell that both sides changed, differently; in that order, levels before competencies,
 * cells in the proposal's matrix order. Values are compared by what a reader sees (rich text by its
 * blocks, text and marks), so JSON noise is never a conflict.
 */
import type { LadderContent } from '../model/index.ts';
import { cellConflicts } from './cell-conflicts.ts';
import { conflict, diverged, richValue } from './conflict-values.ts';
import { rowConflicts } from './row-conflicts.ts';
import { COMPETENCIES, LEVELS } from './row-kinds.ts';
import type { Conflict, ConflictValue } from './types.ts';

export function detectConflicts(base: LadderContent, ours: LadderContent, theirs: LadderContent): Conflict[] {
  return [
    ...ladderConflicts(base, ours, theirs),
    ...rowConflicts(base, ours, theirs, LEVELS),
    ...rowConflicts(base, ours, theirs, COMPETENCIES),
    ...cellConflicts(base, ours, theirs),
  ];
}

const LADDER_FIELDS = {
  title: (c: LadderContent): ConflictValue => c.title,
  track: (c: LadderContent): ConflictValue => c.track,
  description: (c: LadderContent): ConflictValue => richValue(c.description),
};

function ladderConflicts(base: LadderContent, ours: LadderContent, theirs: LadderContent): Conflict[] {
  const out: Conflict[] = [];
  for (const field of Object.keys(LADDER_FIELDS) as (keyof typeof LADDER_FIELDS)[]) {
    const get = LADDER_FIELDS[field];
    const values = [get(base), get(ours), get(theirs)] as const;
    if (diverged(values))
      out.push(conflict({ type: 'ladder', field }, 'both-changed', `ladder ${field}`, values));
  }
  return out;
}
