import type { Awareness } from 'y-protocols/awareness';
import { KeyBuffer, type PendingKey } from '../editor/key-buffer.ts';
import { Store } from './store.ts';

export interface EditingTarget {
  /** Root fragment name being edited here, or null. */
  name: string | null;
  /** Where the user clicked to start editing (client coordinates), to put the caret there. */
  point: { x: number; y: number } | null;
}

/**
 * Which fragment this browser edits: at most one editor is mounted at a time. The choice is
 * announced to others through the awareness field `editing`.
 */
export class EditingStore extends Store<EditingTarget> {
  /** Keys typed while the editor mounts, applied once its caret is placed. */
  readonly keys = new KeyBuffer();

  constructor(private awareness: Awareness) {
    super({ name: null, point: null });
  }

  start(name: string, point: { x: number; y: number } | null = null, typed: PendingKey[] = []): void {
    this.keys.capture(typed);
    this.set({ name, point });
    this.awareness.setLocalStateField('editing', name);
  }

  /** Stop editing `name` (ignored when another fragment is being edited by now). */
  stop(name?: string): void {
    if (name !== undefined && this.get().name !== name) return;
    if (this.get().name === null) return;
    this.keys.release();
    this.set({ name: null, point: null });
    this.awareness.setLocalStateField('editing', null);
  }
}
