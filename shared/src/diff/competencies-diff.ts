/** Competency changes between two ladders: added, removed, renamed (name or group), moved, description. */
import type { Competency } from '../model/index.ts';
import { matchById } from './match-by-id.ts';
import { detectMoves } from './order-diff.ts';
import { competencyRef } from './refs.ts';
import { diffRichText, hasBlockChanges } from './rich-text-diff.ts';
import type { CompetencyRename, LadderDiff } from './types.ts';

export function diffCompetencies(
  base: readonly Competency[],
  head: readonly Competency[],
): LadderDiff['competencies'] {
  const matched = matchById(base, head);
  const headById = new Map(head.map((c) => [c.id, c]));
  const result: LadderDiff['competencies'] = {
    added: matched.added.map(({ item, index }) => ({ ...competencyRef(item), index })),
    removed: matched.removed.map(({ item, index }) => ({ ...competencyRef(item), index })),
    renamed: [],
    moved: detectMoves(
      base.map((c) => c.id),
      head.map((c) => c.id),
    ).map((move) => ({ ...competencyRef(headById.get(move.id)!), ...move })),
    description: [],
  };
  for (const { base: before, head: after } of matched.kept) {
    const changes: CompetencyRename['changes'] = {};
    if (before.name !== after.name) changes.name = { from: before.name, to: after.name };
    if (before.group !== after.group) changes.group = { from: before.group, to: after.group };
    if (changes.name || changes.group) result.renamed.push({ ...competencyRef(after), changes });

    const blocks = diffRichText(before.description, after.description);
    if (hasBlockChanges(blocks)) result.description.push({ ...competencyRef(after), blocks });
  }
  return result;
}
