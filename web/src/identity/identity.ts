/** How I appear to others while editing: my account's name and a colour kept in this browser. */
export interface Identity {
  name: string;
  color: string;
}

/** Colours that stay readable as outlines, caret labels and avatar backgrounds with white text. */
export const PALETTE = [
  '#d1495b',
  '#e07a1f',
  '#b08900',
  '#2f9e44',
  '#0f8b8d',
  '#1c7ed6',
  '#5f3dc4',
  '#ae3ec9',
  '#c2255c',
  '#495057',
] as const;

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
    return isColor(value) ? value : null;
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
