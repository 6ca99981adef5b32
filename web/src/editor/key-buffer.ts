/** A key pressed before the cell editor was ready to take it. */
export interface PendingKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export function pendingKeyOf(event: { key: string } & Omit<PendingKey, 'key'>): PendingKey {
  const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
  return { key, ctrlKey, metaKey, altKey, shiftKey };
}

/** A key that types itself: one character, without Ctrl/Cmd (Alt may compose characters). */
export function isPrintableKey(event: Pick<PendingKey, 'key' | 'ctrlKey' | 'metaKey'>): boolean {
  return [...event.key].length === 1 && !event.ctrlKey && !event.metaKey;
}

/**
 * Holds the keys typed between starting to edit a cell (a click, a key) and its editor taking
 * the focus, so that they apply at the caret once it is placed instead of going to the page.
 */
export class KeyBuffer {
  private keys: PendingKey[] = [];
  private stopListening: (() => void) | null = null;

  capture(initial: PendingKey[] = []): void {
    this.release();
    this.keys = [...initial];
    const onKeyDown = (event: KeyboardEvent) => {
      if (MODIFIERS.has(event.key) || event.isComposing) return;
      event.preventDefault();
      event.stopPropagation();
      this.keys.push(pendingKeyOf(event));
    };
    window.addEventListener('keydown', onKeyDown, true);
    this.stopListening = () => window.removeEventListener('keydown', onKeyDown, true);
  }

  /** The keys held so far; from now on keys go where the focus is. */
  take(): PendingKey[] {
    const keys = this.keys;
    this.release();
    return keys;
  }

  release(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.keys = [];
  }
}
