/**
 * Live documents that take no edits from their open connections (checked on every message, so
 * it applies to connections made before the change too):
 * - held for a moment while a proposal is being published, so the state that is merged is the
 *   state that is marked merged (edits refused meanwhile come back when the clients reconnect,
 *   if publishing does not go through);
 * - read-only from then on, once published or closed (until reopened): clients still connected
 *   cannot slip edits in before their connection closes.
 * In-process only; new connections also get read-only access from the documents table.
 */
export class DocumentFreezes {
  private readonly held = new Map<string, number>();
  private readonly readOnly = new Set<string>();

  isFrozen(documentName: string): boolean {
    return this.held.has(documentName) || this.readOnly.has(documentName);
  }

  /** Holds edits to `documentName` until the returned function is called (holds nest). */
  freeze(documentName: string): () => void {
    this.held.set(documentName, (this.held.get(documentName) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.held.get(documentName) ?? 1) - 1;
      if (n > 0) this.held.set(documentName, n);
      else this.held.delete(documentName);
    };
  }

  setReadOnly(documentName: string, readOnly: boolean): void {
    if (readOnly) this.readOnly.add(documentName);
    else this.readOnly.delete(documentName);
  }
}
