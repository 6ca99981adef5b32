import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Protocol } from './servers/index.ts';

/** Transaction origin of the editor's own keystrokes; any other origin is a remote update. */
export const LOCAL = Symbol('bench-local-edit');

export interface Editor {
  doc: Y.Doc;
  awareness: Awareness;
  isSynced(): boolean;
  destroy(): void;
}

/** What a connection tells about itself beyond the document (the scale bench counts it). */
export interface ConnectionEvents {
  /** The socket failed (refused, reset); followed by a close. */
  onError(error: Error): void;
  /** The socket closed other than by `destroy()`. */
  onClose(code: number): void;
}

export interface Endpoint {
  protocol: Protocol;
  wsUrl: string;
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
