/**
 * Conflicts on levels or competencies: a field both sides changed differently, an item one side
 * deleted while the other edited it (fields or cells), an item the two sides put in different places.
 */
import type { LadderContent } from '../model/index.ts';
import { filledCell } from './cells-diff.ts';
import { conflict, diverged, valueKey } from './conflict-values.ts';
import { detectMoves } from './order-diff.ts';
import { richTextKey } from './rich-text-blocks.ts';
import type { RowKind } from './row-kinds.ts';
import type { Conflict } from './types.ts';

export function rowConflicts<T extends { id: string }>(
  base: LadderContent,
  ours: LadderContent,
  theirs: LadderContent,
  kind: RowKind<T>,
): Conflict[] {
  const baseById = byId(kind.list(base));
  const oursById = byId(kind.list(ours));
  const theirsById = byId(kind.list(theirs));
  const out: Conflict[] = [];
  for (const id of new Set([...baseById.keys(), ...oursById.keys(), ...theirsById.keys()])) {
    const [b, o, t] = [baseById.get(id), oursById.get(id), theirsById.get(id)];
    if (o && t) {
      for (const [field, get] of Object.entries(kind.fields)) {
        const values = [b ? get(b) : null, get(o), get(t)] as const;
        if (diverged(values)) {
          out.push(conflict(kind.target(id, field), 'both-changed', `${field} of ${kind.label(t)}`, values));
        }
      }
    } else if (b && (o || t)) {
      const [kept, keptIn] = o ? [o, ours] : [t!, theirs];
      if (rowChanged(kind, b, base, kept, keptIn)) {
        const values = [kind.ref(b), o ? kind.ref(o) : null, t ? kind.ref(t) : null] as const;
        out.push(conflict(kind.target(id, 'existence'), 'deleted-and-changed', kind.label(b), values));
      }
    }
  }
  return [...out, ...positionConflicts(base, ours, theirs, kind)];
}

/** Did the side that kept an item edit it: a field, or a cell of its row / column? */
function rowChanged<T extends { id: string }>(
  kind: RowKind<T>,
  before: T,
  beforeIn: LadderContent,
  after: T,
  afterIn: LadderContent,
): boolean {
  for (const get of Object.values(kind.fields)) {
    if (valueKey(get(before)) !== valueKey(get(after))) return true;
  }
  const keys = new Set([...kind.cellKeys(beforeIn, before.id), ...kind.cellKeys(afterIn, after.id)]);
  for (const key of keys) {
    if (richTextKey(filledCell(beforeIn, key)) !== richTextKey(filledCell(afterIn, key))) return true;
  }
  return false;
}

/**
 * Both sides reordered around the same item: one of them really moved it (see `detectMoves`, so
 * items merely passed by a move don't count) and each side now puts it after a different item.
 */
function positionConflicts<T extends { id: string }>(
  base: LadderContent,
  ours: LadderContent,
  theirs: LadderContent,
  kind: RowKind<T>,
): Conflict[] {
  const ids = (c: LadderContent) => kind.list(c).map((x) => x.id);
  const [inOurs, inTheirs] = [new Set(ids(ours)), new Set(ids(theirs))];
  const inAll = (list: string[]) => list.filter((id) => inOurs.has(id) && inTheirs.has(id));
  const [b, o, t] = [inAll(ids(base)), inAll(ids(ours)), inAll(ids(theirs))];
  const moved = new Set([...detectMoves(b, o), ...detectMoves(b, t)].map((m) => m.id));
  const theirsById = byId(kind.list(theirs));
  const out: Conflict[] = [];
  for (const id of o) {
    if (!moved.has(id)) continue;
    const values = [after(b, id), after(o, id), after(t, id)] as const;
    if (diverged(values)) {
      const label = `position of ${kind.label(theirsById.get(id)!)}`;
      out.push(conflict(kind.target(id, 'position'), 'both-changed', label, values));
    }
  }
  return out;
}

/** The id just before `id` in `order` (null when first). */
function after(order: string[], id: string): { after: string | null } {
  return { after: order[order.indexOf(id) - 1] ?? null };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
