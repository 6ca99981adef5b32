/** The three-way comparison under conflict detection: values compared by what a reader sees. */
import { isEmptyDoc, type RichText } from '../model/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { richTextKey } from './rich-text-blocks.ts';
import type { Conflict, ConflictTarget, ConflictValue } from './types.ts';

export type ThreeValues = readonly [base: ConflictValue, ours: ConflictValue, theirs: ConflictValue];

/** Both sides changed the value, and not to the same thing. */
export function diverged([base, ours, theirs]: ThreeValues): boolean {
  const b = valueKey(base);
  const o = valueKey(ours);
  const t = valueKey(theirs);
  return o !== b && t !== b && o !== t;
}

/** Equal keys ⇔ the same for a reader (rich text by blocks, text and marks; the rest as JSON). */
export function valueKey(value: ConflictValue): string {
  if (isRichText(value)) return richTextKey(value);
  return canonicalJson(value);
}

/** Rich text as a conflict value: `null` when empty, so "empty" and "missing" agree. */
export function richValue(doc: RichText | undefined | null): RichText | null {
  return doc && !isEmptyDoc(doc) ? doc : null;
}

export function conflict(
  target: ConflictTarget,
  reason: Conflict['reason'],
  label: string,
  [base, ours, theirs]: ThreeValues,
): Conflict {
  return { target, reason, label, base, ours, theirs };
}

function isRichText(value: ConflictValue): value is RichText {
  return (
    !!value && typeof value === 'object' && !Array.isArray(value) && 'type' in value && value.type === 'doc'
  );
}
