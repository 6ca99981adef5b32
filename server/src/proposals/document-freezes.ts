/**
 * Documents whose live edits are held back for a moment: while a proposal is being published,
 * its connections are treated as read-only so the state that is merged is the state that is
 * marked merged. Edits dropped meanwhile are not lost: the connections are closed afterwards and
 * the clients resend them on reconnect (or learn the proposal is now read-only).
 */
export class DocumentFreezes {
  private readonly frozen = new Map<string, number>();

  isFrozen(documentName: string): boolean {
    return this.frozen.has(documentName);
  }

  /** Freezes `documentName` until the returned function is called (calls nest). */
  freeze(documentName: string): () => void {
    this.frozen.set(documentName, (this.frozen.get(documentName) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.frozen.get(documentName) ?? 1) - 1;
      if (n > 0) this.frozen.set(documentName, n);
      else this.frozen.delete(documentName);
    };
  }
}
