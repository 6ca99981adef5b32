/**
 * Level names: "IC5 Staff Technical Program Manager", "EM-1 — Engineering Manager", "TPM3",
 * "Director of Engineering", "Engineering Manager {#em-1}". Split into a short code and a title.
 */
const CODE =
  /^(?:[A-Z]{1,5}[-_]?\d{1,3}[A-Za-z]?|[A-Z]{1,5}[-_][IVX]{1,4}|(?:level|grade|band|tier|step)[ -]?(?:\d{1,3}[a-z]?|[IVX]{1,4}))$/i;
const SEPARATOR = /\s+(?:—|–|-|\||:)\s+|:\s+/;

/** A short level code: letters then digits (IC5, TPM4, EM-1, L3), or "Level 3". */
export function isLevelCode(token: string): boolean {
  if (!CODE.test(token)) return false;
  // All-lowercase codes ("level3" aside) are words, not codes: "mid2" is not likely, "em-1" (anchor) is handled apart.
  return /[A-Z]/.test(token) || /^(level|grade|band|tier|step)/i.test(token);
}

export interface LevelName {
  code: string;
  title: string;
}

export function parseLevelName(text: string, anchor?: string): LevelName {
  const t = text.replace(/\s+/g, ' ').trim();
  const sep = SEPARATOR.exec(t);
  if (sep && sep.index > 0) {
    const left = t.slice(0, sep.index).trim();
    const right = t.slice(sep.index + sep[0].length).trim();
    if (right && isLevelCode(left)) return { code: left, title: right };
  }
  const space = t.indexOf(' ');
  if (space > 0) {
    const first = t.slice(0, space);
    if (isLevelCode(first) && !/^(level|grade|band|tier|step)$/i.test(first))
      return { code: first, title: t.slice(space + 1).trim() };
    const two = /^((?:level|grade|band|tier|step) (?:\d{1,3}[a-z]?|[IVX]{1,4}))(?: (.+))?$/i.exec(t);
    if (two) return { code: two[1]!, title: (two[2] ?? '').trim() };
  }
  if (isLevelCode(t)) return { code: t, title: '' };
  if (anchor && CODE.test(anchor)) return { code: anchor.toUpperCase(), title: t };
  return { code: '', title: t };
}

/** The heading we write for a level; `parseLevelName` reads it back unless the title is itself code-like. */
export function formatLevelName(level: LevelName): string {
  if (level.code && level.title) return `${level.code} — ${level.title}`;
  return level.code || level.title;
}

/** Whether `formatLevelName` followed by `parseLevelName` gives the level back exactly. */
export function levelNameRoundTrips(level: LevelName): boolean {
  const back = parseLevelName(formatLevelName(level));
  return back.code === level.code && back.title === level.title;
}

const LEVEL_WORDS =
  /\b(levels?|junior|mid|middle|senior|sr|jr|staff|principal|distinguished|fellow|lead|manager|director|vp|vice president|head|chief|cto|intern|associate|apprentice|entry|graduate|grade|band|tier|executive|partner)\b/i;

/** How much a heading or column name looks like a level (2: has a code, 1: a seniority word, 0: no). */
export function levelScore(name: string): number {
  if (parseLevelName(name).code) return 2;
  return LEVEL_WORDS.test(name) ? 1 : 0;
}
