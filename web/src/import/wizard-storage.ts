import type { ImportPreview, ImportSource } from '../api/imports.ts';
import type { LadderContent } from '../domain.ts';
import type { FormatId } from './formats.ts';

/**
 * What the import wizard keeps in sessionStorage so a reload (or the Back button) loses nothing:
 * the text being pasted, the document read, the format asked for, the preview and the fixes.
 */
export interface WizardSnapshot {
  /** The paste box as typed, even before it is previewed. */
  pasted: string;
  /** The document last sent for preview (pasted text or an uploaded file). */
  source: ImportSource | null;
  /** The format chosen by hand, if the detected one was overridden. */
  format: FormatId | null;
  preview: ImportPreview | null;
  /** The ladder as fixed so far (starts as the preview's content). */
  draft: LadderContent | null;
}

const KEY = 'rungs.import.v1';

export function emptySnapshot(): WizardSnapshot {
  return { pasted: '', source: null, format: null, preview: null, draft: null };
}

export function loadSnapshot(): WizardSnapshot {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return emptySnapshot();
    const parsed = JSON.parse(raw) as Partial<WizardSnapshot>;
    return { ...emptySnapshot(), ...parsed };
  } catch {
    return emptySnapshot();
  }
}

/**
 * Stores as much as fits: a very large document may not fit in sessionStorage, in which case the
 * preview is kept without it, then only the paste box.
 */
export function saveSnapshot(snapshot: WizardSnapshot): void {
  const attempts: WizardSnapshot[] = [
    snapshot,
    { ...snapshot, source: null },
    { ...snapshot, source: null, preview: null, draft: null },
    { ...emptySnapshot(), pasted: snapshot.pasted },
  ];
  for (const attempt of attempts) {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(attempt));
      return;
    } catch {
      // Quota exceeded: try a smaller snapshot.
    }
  }
  clearSnapshot();
}

export function clearSnapshot(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: nothing to clear.
  }
}
