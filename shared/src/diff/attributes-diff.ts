/** Diff of a level's ordered key/value attributes, matched by key (n-th occurrence with n-th). */
import type { LevelAttribute } from '../model/index.ts';
import type { AttributeChanges } from './types.ts';

export function diffAttributes(
  base: readonly LevelAttribute[],
  head: readonly LevelAttribute[],
): AttributeChanges {
  const baseByKey = keyed(base);
  const headByKey = keyed(head);
  const changes: AttributeChanges = { added: [], removed: [], changed: [], reordered: false };
  for (const [slot, attr] of baseByKey) {
    const now = headByKey.get(slot);
    if (!now) changes.removed.push({ key: attr.key, value: attr.value });
    else if (now.value !== attr.value)
      changes.changed.push({ key: attr.key, from: attr.value, to: now.value });
  }
  for (const [slot, attr] of headByKey) {
    if (!baseByKey.has(slot)) changes.added.push({ key: attr.key, value: attr.value });
  }
  const baseOrder = [...baseByKey.keys()].filter((slot) => headByKey.has(slot));
  const headOrder = [...headByKey.keys()].filter((slot) => baseByKey.has(slot));
  changes.reordered = baseOrder.some((slot, i) => headOrder[i] !== slot);
  return changes;
}

export function hasAttributeChanges(c: AttributeChanges): boolean {
  return c.added.length > 0 || c.removed.length > 0 || c.changed.length > 0 || c.reordered;
}

/** Attributes by "key#occurrence", in their order. */
function keyed(attrs: readonly LevelAttribute[]): Map<string, LevelAttribute> {
  const seen = new Map<string, number>();
  const out = new Map<string, LevelAttribute>();
  for (const attr of attrs) {
    const n = seen.get(attr.key) ?? 0;
    seen.set(attr.key, n + 1);
    out.set(`${attr.key}#${n}`, attr);
  }
  return out;
}
