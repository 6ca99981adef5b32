import type { Awareness } from 'y-protocols/awareness';
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
  constructor(private awareness: Awareness) {
    super({ name: null, point: null });
  }

  start(name: string, point: { x: number; y: number } | null = null): void {
    this.set({ name, point });
    this.awareness.setLocalStateField('editing', name);
  }

  /** Stop editing `name` (ignored when another fragment is being edited by now). */
  stop(name?: string): void {
    if (name !== undefined && this.get().name !== name) return;
    if (this.get().name === null) return;
    this.set({ name: null, point: null });
    this.awareness.setLocalStateField('editing', null);
  }
}
