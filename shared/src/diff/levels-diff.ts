/** Level changes between two ladders: added, removed, renamed, moved, attributes, summary. */
import type { Level } from '../model/index.ts';
import { diffAttributes, hasAttributeChanges } from './attributes-diff.ts';
import { matchById } from './match-by-id.ts';
import { detectMoves } from './order-diff.ts';
import { levelRef } from './refs.ts';
import { diffRichText, hasBlockChanges } from './rich-text-diff.ts';
import type { LadderDiff, LevelRename } from './types.ts';

export function diffLevels(base: readonly Level[], head: readonly Level[]): LadderDiff['levels'] {
  const matched = matchById(base, head);
  const headById = new Map(head.map((l) => [l.id, l]));
  const result: LadderDiff['levels'] = {
    added: matched.added.map(({ item, index }) => ({ ...levelRef(item), index })),
    removed: matched.removed.map(({ item, index }) => ({ ...levelRef(item), index })),
    renamed: [],
    moved: detectMoves(
      base.map((l) => l.id),
      head.map((l) => l.id),
    ).map((move) => ({ ...levelRef(headById.get(move.id)!), ...move })),
    attributes: [],
    summary: [],
  };
  for (const { base: before, head: after } of matched.kept) {
    const changes: LevelRename['changes'] = {};
    if (before.code !== after.code) changes.code = { from: before.code, to: after.code };
    if (before.title !== after.title) changes.title = { from: before.title, to: after.title };
    if (changes.code || changes.title) result.renamed.push({ ...levelRef(after), changes });

    const attributes = diffAttributes(before.attributes, after.attributes);
    if (hasAttributeChanges(attributes)) result.attributes.push({ ...levelRef(after), ...attributes });

    const blocks = diffRichText(before.summary, after.summary);
    if (hasBlockChanges(blocks)) result.summary.push({ ...levelRef(after), blocks });
  }
  return result;
}
