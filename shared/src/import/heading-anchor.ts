/**
 * A trailing `{#anchor …}` on a heading ("EM-1 Manager {#em-1}"): the anchor and the text before it.
 * Same result as `/\s*\{#([^}\s]+)[^}]*\}\s*$/`, but found by scanning once: that pattern retries
 * from every `{#`, which is quadratic on a heading such as "a {#a {#a {#…".
 */
export function splitHeadingAnchor(text: string): { text: string; anchor: string } | null {
  const end = text.trimEnd();
  if (!end.endsWith('}')) return null;
  const close = end.length - 1;
  // The anchor's braces hold no other "}": it opens after the previous one.
  const from = close > 0 ? end.lastIndexOf('}', close - 1) + 1 : 0;
  for (let open = end.indexOf('{#', from); open >= 0 && open < close; open = end.indexOf('{#', open + 1)) {
    let stop = open + 2;
    while (stop < close && !/\s/.test(end[stop]!)) stop++;
    if (stop === open + 2) continue;
    return { text: end.slice(0, open).trim(), anchor: end.slice(open + 2, stop) };
  }
  return null;
}
