/** Consecutive competencies of one group, each with its index in the whole list. */
export interface GroupRun<T> {
  group: string;
  items: { item: T; index: number }[];
}

/**
 * Competencies split into consecutive runs of the same group (one group header row or heading
 * per run). A group that comes back after another starts a new run: the order is the ladder's.
 */
export function groupRuns<T extends { group: string }>(items: readonly T[]): GroupRun<T>[] {
  const runs: GroupRun<T>[] = [];
  items.forEach((item, index) => {
    const last = runs[runs.length - 1];
    if (last && last.group === item.group) last.items.push({ item, index });
    else runs.push({ group: item.group, items: [{ item, index }] });
  });
  return runs;
}
