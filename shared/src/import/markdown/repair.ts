/**
 * `**text   **`: the text may not end in a space, so the space run before the closing `**` is matched
 * once (a lazy text followed by `[ \t]+` rescans that run for every character: quadratic).
 */
const UNCLOSED_BOLD =
  /(?<=^|[\s>])\*\*([^*\s|\][](?:[^*|\n\][]*[^*|\n\][ \t\u00a0])?)[ \t\u00a0]+\*\*(?=[\s|<.,;:!?)]|$)/gm;

/**
 * Repair emphasis that rich-text editors (Dropbox Paper, Google Docs) break when they export runs:
 * - `**_large p_****_rograms_**` (a run closed and reopened mid-word) → `**_large programs_**`;
 * - `**B****ehaviors**` → `**Behaviors**`;
 * - `**Design **` (a space before the closing marker, so it never closes) → `**Design** `.
 * Line count and line starts are kept, so error lines still point at the source.
 */
export function repairEmphasis(source: string): string {
  return source
    .replace(/(?<=\S)_\*\*\*\*_(?=\S)/g, '')
    .replace(/(?<=\S)\*\*\*\*(?=\S)/g, '')
    .replace(UNCLOSED_BOLD, '**$1** ');
}
