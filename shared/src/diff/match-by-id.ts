/** Pairs the items of two ordered lists by stable id. */
export interface Matched<T> {
  /** In head order, with their head index. */
  added: { item: T; index: number }[];
  /** In base order, with their base index. */
  removed: { item: T; index: number }[];
  /** Items on both sides, in head order. */
  kept: { base: T; head: T }[];
}

export function matchById<T extends { id: string }>(base: readonly T[], head: readonly T[]): Matched<T> {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const headIds = new Set(head.map((item) => item.id));
  const result: Matched<T> = { added: [], removed: [], kept: [] };
  head.forEach((item, index) => {
    const before = baseById.get(item.id);
    if (before) result.kept.push({ base: before, head: item });
    else result.added.push({ item, index });
  });
  base.forEach((item, index) => {
    if (!headIds.has(item.id)) result.removed.push({ item, index });
  });
  return result;
}
