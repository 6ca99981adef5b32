/** A Prometheus histogram as `/metrics` prints it: cumulative counts per upper bound (seconds). */
export interface Histogram {
  buckets: { le: number; count: number }[];
  count: number;
  sum: number;
}

/** The histogram `name` in a Prometheus text exposition, summed over its label sets. */
export function parseHistogram(text: string, name: string): Histogram {
  const byLe = new Map<number, number>();
  let count = 0;
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (line.startsWith(`${name}_bucket`)) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      if (le === undefined) continue;
      const bound = le === '+Inf' ? Infinity : Number(le);
      byLe.set(bound, (byLe.get(bound) ?? 0) + value);
    } else if (line.startsWith(`${name}_count`)) count += value;
    else if (line.startsWith(`${name}_sum`)) sum += value;
  }
  const buckets = [...byLe].map(([le, c]) => ({ le, count: c })).sort((a, b) => a.le - b.le);
  return { buckets, count, sum };
}

/** What `later` counted since `earlier` (two scrapes of one histogram). */
export function histogramSince(later: Histogram, earlier: Histogram): Histogram {
  const before = new Map(earlier.buckets.map((b) => [b.le, b.count]));
  return {
    buckets: later.buckets.map((b) => ({ le: b.le, count: b.count - (before.get(b.le) ?? 0) })),
    count: later.count - earlier.count,
    sum: later.sum - earlier.sum,
  };
}

/** The upper bound of the bucket holding quantile `q` (0–1): the quantile is at most this. */
export function quantileUpperBound(h: Histogram, q: number): number {
  const rank = q * h.count;
  return h.buckets.find((b) => b.count >= rank)?.le ?? NaN;
}

/** A counter in a Prometheus text exposition, per label set (`{reason="gap"}`; '' without labels). */
export function parseCounter(text: string, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) continue;
    const labels = line.slice(name.length, line.lastIndexOf(' '));
    out[labels] = Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return out;
}
