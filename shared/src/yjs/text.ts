import * as Y from 'yjs';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The smallest single splice turning `from` into `to` (common prefix/suffix), never splitting a
 * surrogate pair. Positions are UTF-16 code units, like Y.Text.
 */
export function textSplice(
  from: string,
  to: string,
): { index: number; remove: number; insert: string } | null {
  if (from === to) return null;
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: from.length - prefix - suffix,
    insert: to.slice(prefix, to.length - suffix),
  };
}

/** Make `text` read `value` with a minimal edit, so concurrent edits elsewhere in it survive. */
export function setYText(text: Y.Text, value: string): void {
  const splice = textSplice(text.toString(), value);
  if (!splice) return;
  const apply = () => {
    if (splice.remove > 0) text.delete(splice.index, splice.remove);
    if (splice.insert) text.insert(splice.index, splice.insert);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}
