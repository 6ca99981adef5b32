import { cellKey, newId, parseCellKey, type LadderContent } from '../model/index.ts';

/**
 * The same ladder with new level and competency ids, for a ladder that starts as a copy: ids are
 * never shared between ladders, so nothing that keys on them (comments, links) can cross over.
 */
export function withFreshIds(content: LadderContent): LadderContent {
  const levelIds = new Map(content.levels.map((l) => [l.id, newId()]));
  const competencyIds = new Map(content.competencies.map((c) => [c.id, newId()]));
  const cells: LadderContent['cells'] = {};
  for (const [key, cell] of Object.entries(content.cells)) {
    const { levelId, competencyId } = parseCellKey(key);
    const level = levelIds.get(levelId);
    const competency = competencyIds.get(competencyId);
    if (level && competency) cells[cellKey(level, competency)] = structuredClone(cell);
  }
  return {
    ...structuredClone(content),
    levels: content.levels.map((l) => ({ ...structuredClone(l), id: levelIds.get(l.id)! })),
    competencies: content.competencies.map((c) => ({ ...structuredClone(c), id: competencyIds.get(c.id)! })),
    cells,
  };
}
