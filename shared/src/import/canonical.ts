import { parseCellKey, type LadderContent } from '../model/index.ts';

/**
 * A ladder with its random ids replaced by positions, for comparing two ladders' text, structure
 * and order (round trips, re-imports): cells are keyed `levelIndex:competencyIndex`.
 */
export function withoutIds(content: LadderContent): unknown {
  const levelIndex = new Map(content.levels.map((l, i) => [l.id, i]));
  const compIndex = new Map(content.competencies.map((c, i) => [c.id, i]));
  const cells = Object.entries(content.cells)
    .map(([key, doc]) => {
      const { levelId, competencyId } = parseCellKey(key);
      return [`${levelIndex.get(levelId)}:${compIndex.get(competencyId)}`, doc] as const;
    })
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    schemaVersion: content.schemaVersion,
    title: content.title,
    track: content.track,
    description: content.description,
    levels: content.levels.map(({ id: _id, ...rest }) => rest),
    competencies: content.competencies.map(({ id: _id, ...rest }) => rest),
    cells: Object.fromEntries(cells),
  };
}
