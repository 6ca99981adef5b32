/** How I appear to others while editing: my account's name and a colour kept in this browser. */
export interface Identity {
  name: string;
  color: string;
}

/** Colours that stay readable as outlines, caret labels and avatar backgrounds with white text. */
/** Each has at least 4.5:1 contrast with white (WCAG AA for the avatars' initials). */
export const PALETTE = [
  '#c94657',
  '#b16018',
  '#907000',
  '#28863a',
  '#0e8183',
  '#1a76c9',
  '#5f3dc4',
  '#ae3ec9',
  '#c2255c',
  '#495057',
] as const;

/** The lighter colours of the first palette (white on them was below 4.5:1), to their successors. */
const RETIRED: Record<string, string> = {
  '#d1495b': '#c94657',
  '#e07a1f': '#b16018',
  '#b08900': '#907000',
  '#2f9e44': '#28863a',
  '#0f8b8d': '#0e8183',
  '#1c7ed6': '#1a76c9',
};

/** A colour safe to show with white text: a retired one becomes its successor. */
export function readableColor(color: string): string {
  return RETIRED[color.toLowerCase()] ?? color;
}

export function randomColor(): string {
  return PALETTE[Math.floor(Math.random() * PALETTE.length)]!;
}

const COLOR_KEY = 'rungs.color:';

function isColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}

/** This person's colour in this browser (picked at random on first use, changeable). */
export function loadColor(userId: string): string | null {
  try {
    const value = localStorage.getItem(COLOR_KEY + userId);
    return isColor(value) ? readableColor(value) : null;
  } catch {
    return null;
  }
}

export function saveColor(userId: string, color: string): void {
  try {
    localStorage.setItem(COLOR_KEY + userId, color);
  } catch {
    // Private mode or full storage: the colour still applies to this tab.
  }
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters =
    words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}
