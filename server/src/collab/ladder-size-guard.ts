import * as Y from 'yjs';
import { COMPETENCIES_MAP, LADDER_LIMITS, LEVELS_MAP, type LadderLimitProblem } from '@rungs/shared';
import type { DecodedUpdate } from './protocol.ts';

export type SizeVerdict =
  | { ok: true }
  | { ok: false; problem: LadderLimitProblem }
  /** The update depends on changes this document does not have (it would wait, pending, forever). */
  | { ok: false; problem: null };

type Limits = { [K in 'maxLevels' | 'maxCompetencies' | 'maxDocumentBytes']: number };

/**
 * Decides, before a client's update is applied (Yjs can't undo an apply), whether it would take
 * the document past `LADDER_LIMITS`. The fast path costs a walk over the update's own structs:
 * the encoded size is tracked by adding the length of every update to the last exact measure, and
 * rows are counted only when the update adds entries to the levels or competencies maps (or can't be
 * placed cheaply). Only then is it tried on a scratch copy of the document.
 */
export class LadderSizeGuard {
  private measuredBytes: number | null = null;
  private bytesSinceMeasure = 0;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: Limits = LADDER_LIMITS,
  ) {
    doc.on('update', this.onUpdate);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
  }

  check(update: Uint8Array, decoded: DecodedUpdate): SizeVerdict {
    let tryIt = !this.fitsBytes(update.length);
    if (!tryIt) tryIt = this.mayAddRows(decoded);
    return tryIt ? this.trial(update) : { ok: true };
  }

  private readonly onUpdate = (update: Uint8Array): void => {
    this.bytesSinceMeasure += update.length;
  };

  /** An upper bound: the encoded state grows by at most the update's length. */
  private fitsBytes(length: number): boolean {
    const max = this.limits.maxDocumentBytes;
    if (this.measuredBytes !== null && this.measuredBytes + this.bytesSinceMeasure + length <= max)
      return true;
    this.measuredBytes = Y.encodeStateAsUpdate(this.doc).length;
    this.bytesSinceMeasure = 0;
    return this.measuredBytes + length <= max;
  }

  private mayAddRows(decoded: DecodedUpdate): boolean {
    const rowMaps = new Set<unknown>([this.doc.getMap(LEVELS_MAP), this.doc.getMap(COMPETENCIES_MAP)]);
    const items = decoded.structs.filter((s): s is Y.Item => s instanceof Y.Item);
    const firstClock = new Map<number, number>();
    for (const item of items) {
      if (!firstClock.has(item.id.client)) firstClock.set(item.id.client, item.id.clock);
    }
    for (const [client, clock] of firstClock) {
      if (clock > Y.getState(this.doc.store, client)) return true; // a gap: can't place it cheaply
    }
    const placement = new Map<Y.Item, 'rows' | 'other' | 'unknown'>();
    const inUpdate = indexByClient(items);
    for (const item of items) {
      // Follow origins until an item whose parent is known, then label the whole chain.
      const chain = new Set<Y.Item>();
      let current: Y.Item | undefined = item;
      let verdict: 'rows' | 'other' | 'unknown' = 'unknown';
      while (current) {
        const known = placement.get(current);
        if (known) {
          verdict = known;
          break;
        }
        chain.add(current);
        if (typeof current.parent === 'string') {
          verdict = current.parent === LEVELS_MAP || current.parent === COMPETENCIES_MAP ? 'rows' : 'other';
          break;
        }
        if (current.parent !== null) {
          verdict = 'other'; // inside a nested type (a level's fields): never adds a row
          break;
        }
        const ref: Y.ID | null = current.origin ?? current.rightOrigin;
        if (!ref) break;
        if (ref.clock < Y.getState(this.doc.store, ref.client)) {
          const existing = Y.getItem(this.doc.store, ref);
          verdict = existing instanceof Y.Item && rowMaps.has(existing.parent) ? 'rows' : 'other';
          break;
        }
        current = findItem(inUpdate, ref);
        if (current && chain.has(current)) current = undefined; // a cycle: malformed
      }
      for (const c of chain) placement.set(c, verdict);
      if (verdict !== 'other') return true;
    }
    return false;
  }

  private trial(update: Uint8Array): SizeVerdict {
    const scratch = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
      Y.applyUpdate(scratch, update);
      if (scratch.store.pendingStructs !== null) return { ok: false, problem: null };
      const grew = (name: string) => {
        const after = scratch.getMap(name).size;
        return after > this.doc.getMap(name).size ? after : 0;
      };
      const levels = grew(LEVELS_MAP);
      if (levels > this.limits.maxLevels)
        return { ok: false, problem: { kind: 'levels', count: levels, limit: this.limits.maxLevels } };
      const competencies = grew(COMPETENCIES_MAP);
      if (competencies > this.limits.maxCompetencies) {
        return {
          ok: false,
          problem: { kind: 'competencies', count: competencies, limit: this.limits.maxCompetencies },
        };
      }
      const max = this.limits.maxDocumentBytes;
      if (this.measuredBytes !== null && this.measuredBytes + this.bytesSinceMeasure + update.length > max) {
        const after = Y.encodeStateAsUpdate(scratch).length;
        if (after > max && after > (this.measuredBytes ?? 0))
          return { ok: false, problem: { kind: 'bytes', count: after, limit: max } };
      }
      return { ok: true };
    } finally {
      scratch.destroy();
    }
  }
}

function indexByClient(items: Y.Item[]): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client) ?? [];
    list.push(item);
    byClient.set(item.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

function findItem(byClient: Map<number, Y.Item[]>, id: Y.ID): Y.Item | undefined {
  const list = byClient.get(id.client);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (id.clock < item.id.clock) hi = mid - 1;
    else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
    else return item;
  }
  return undefined;
}
