/** What names a level: its short code ("IC5") and its title ("Staff Engineer"), either may be blank. */
export interface LevelNaming {
  code: string;
  title: string;
}

/**
 * A level as a sentence or an accessible name says it ("Move IC5 left", "Delivery at IC5"): its
 * code, else its title, else `fallback` (a level with neither still reads as a phrase).
 */
export function levelName(level: LevelNaming, fallback = 'this level'): string {
  return level.code || level.title || fallback;
}

/**
 * A level with both its parts ("IC5 — Staff Engineer"), where the title helps to tell levels
 * apart: pickers, headings, confirmations. `separator` goes between code and title.
 */
export function levelFullName(
  level: LevelNaming,
  { separator = ' — ', fallback = 'Untitled level' }: { separator?: string; fallback?: string } = {},
): string {
  return [level.code, level.title].filter(Boolean).join(separator) || fallback;
}
