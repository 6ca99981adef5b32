/**
 * Fractional order keys for levels and competencies.
 *
 * Concurrent inserts at the same spot produce equal keys (ties are broken by id when reading), so
 * inserting *between* two tied rows cannot just call `generateKeyBetween`; `orderKeyAt` then
 * re-spreads the tied run and reports the new keys of the other rows to the caller.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface OrderedRow {
  id: string;
  order: string;
}

export interface OrderPlacement {
  /** Key for the row being placed. */
  key: string;
  /** Other rows whose key must change so the placement is strictly between its neighbours. */
  rekey: Map<string, string>;
}

function validKey(key: string): boolean {
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/**
 * A key placing a new row at `index` of `rows` (sorted by (order, id), not containing the row
 * itself); 0 = first, rows.length = last.
 */
export function orderKeyAt(rows: readonly OrderedRow[], index: number): OrderPlacement {
  const i = Math.max(0, Math.min(index, rows.length));
  const lo = rows[i - 1]?.order ?? null;
  const hi = rows[i]?.order ?? null;
  const rekey = new Map<string, string>();
  if (
    (lo === null || validKey(lo)) &&
    (hi === null || validKey(hi)) &&
    (lo === null || hi === null || lo < hi)
  ) {
    return { key: generateKeyBetween(lo, hi), rekey };
  }
  // Tie (or a key we cannot parse): re-spread the run of rows around the gap that share the
  // offending keys, between the nearest valid, strictly smaller / larger neighbours.
  let start = i;
  let end = i; // exclusive
  const bad = (k: string) => !validKey(k);
  if (lo !== null) {
    while (start > 0 && (rows[start - 1]!.order === lo || bad(rows[start - 1]!.order))) start--;
  }
  if (hi !== null) {
    while (
      end < rows.length &&
      (rows[end]!.order === hi || (lo !== null && rows[end]!.order <= lo) || bad(rows[end]!.order))
    )
      end++;
  }
  let before: string | null = start > 0 ? rows[start - 1]!.order : null;
  let after: string | null = end < rows.length ? rows[end]!.order : null;
  // Widen until the bounds are valid and ordered (worst case: the whole list).
  while (before !== null && (bad(before) || (after !== null && before >= after))) {
    start--;
    before = start > 0 ? rows[start - 1]!.order : null;
  }
  while (after !== null && (bad(after) || (before !== null && before >= after))) {
    end++;
    after = end < rows.length ? rows[end]!.order : null;
  }
  const keys = generateNKeysBetween(before, after, end - start + 1);
  let k = 0;
  let key = '';
  for (let j = start; j <= end; j++) {
    if (j === i) key = keys[k++]!;
    if (j < end) rekey.set(rows[j]!.id, keys[k++]!);
  }
  return { key, rekey };
}

/**
 * Keys for `ids` in this order, keeping as many existing keys as possible (a longest strictly
 * increasing run of current keys stays put; the others get new keys between their kept
 * neighbours). `current` maps id → existing key (absent for new rows).
 */
export function orderKeysFor(
  ids: readonly string[],
  current: ReadonlyMap<string, string>,
): Map<string, string> {
  const keys = ids.map((id) => {
    const k = current.get(id);
    return k !== undefined && validKey(k) ? k : null;
  });
  // Longest strictly increasing subsequence over the positions that have a key (O(n log n)).
  const tailIdx: number[] = [];
  const prev: number[] = new Array(ids.length).fill(-1);
  for (let p = 0; p < keys.length; p++) {
    const k = keys[p];
    if (k === null || k === undefined) continue;
    let lo = 0;
    let hi = tailIdx.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tailIdx[mid]!]! < k) lo = mid + 1;
      else hi = mid;
    }
    prev[p] = lo > 0 ? tailIdx[lo - 1]! : -1;
    tailIdx[lo] = p;
  }
  const keep = new Set<number>();
  for (let p = tailIdx.length ? tailIdx[tailIdx.length - 1]! : -1; p >= 0; p = prev[p]!) keep.add(p);

  const out = new Map<string, string>();
  let p = 0;
  while (p < ids.length) {
    if (keep.has(p)) {
      out.set(ids[p]!, keys[p]!);
      p++;
      continue;
    }
    let q = p;
    while (q < ids.length && !keep.has(q)) q++;
    const before = p > 0 ? out.get(ids[p - 1]!)! : null;
    const after = q < ids.length ? keys[q]! : null;
    const fresh = generateNKeysBetween(before, after, q - p);
    for (let j = p; j < q; j++) out.set(ids[j]!, fresh[j - p]!);
    p = q;
  }
  return out;
}
