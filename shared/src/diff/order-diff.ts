/**
 * Which items of an ordered list really moved. The items kept in place are the longest run of
 * items (present on both sides) that kept their relative order; everything else moved. Moving one
 * item therefore reports one move, not a shift of everything between its old and new place.
 *
 * Among equally long runs we keep the one whose items moved least (counted among the items both
 * sides have, then in the full lists), so swapping two distant items reports those two rather than
 * the ones between them, and "move Impact to the end" reports Impact. Ids are unique, so this is a
 * longest increasing subsequence with that tie-break: O(n²), fine for ladder-sized lists.
 */
import type { Move } from './types.ts';

/** Compared in order: longer run first, then less movement among shared items, then in full lists. */
type Score = [length: number, sharedShift: number, fullShift: number];

export function detectMoves(baseIds: readonly string[], headIds: readonly string[]): Move[] {
  const headIndex = new Map(headIds.map((id, i) => [id, i]));
  const baseIndex = new Map(baseIds.map((id, i) => [id, i]));
  const common = baseIds.filter((id) => headIndex.has(id));
  const headRank = new Map(headIds.filter((id) => baseIndex.has(id)).map((id, i) => [id, i]));
  const rank = common.map((id) => headRank.get(id)!);
  const weight = (k: number): Score => {
    const id = common[k]!;
    return [1, -Math.abs(rank[k]! - k), -Math.abs(headIndex.get(id)! - baseIndex.get(id)!)];
  };
  const kept = bestIncreasingRun(rank, weight);
  return common
    .filter((_, k) => !kept.has(k))
    .map((id) => ({ id, from: baseIndex.get(id)!, to: headIndex.get(id)! }))
    .sort((a, b) => a.to - b.to);
}

/** Indices of the increasing subsequence of `values` with the best total score (earliest wins ties). */
function bestIncreasingRun(values: number[], weight: (k: number) => Score): Set<number> {
  const score: Score[] = [];
  const prev: number[] = [];
  let bestEnd = -1;
  for (let k = 0; k < values.length; k++) {
    const w = weight(k);
    score[k] = w;
    prev[k] = -1;
    for (let p = 0; p < k; p++) {
      if (values[p]! >= values[k]!) continue;
      const candidate = add(score[p]!, w);
      if (better(candidate, score[k]!)) {
        score[k] = candidate;
        prev[k] = p;
      }
    }
    if (bestEnd < 0 || better(score[k]!, score[bestEnd]!)) bestEnd = k;
  }
  const kept = new Set<number>();
  for (let k = bestEnd; k >= 0; k = prev[k]!) kept.add(k);
  return kept;
}

function add(a: Score, b: Score): Score {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function better(a: Score, b: Score): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}
