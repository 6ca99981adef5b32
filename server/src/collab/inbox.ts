/**
 * A connection's messages waiting to be handled, in order, one at a time: those that arrive while
 * the document loads, and those behind a slow one (a sync step 1 waits for pending writes). Bounded
 * by count and bytes: `push` answers false when the message doesn't fit, and the caller closes.
 */
export class Inbox {
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private handler: ((message: Uint8Array) => Promise<void>) | null = null;
  private running = false;
  private stopped = false;

  constructor(
    private readonly maxMessages: number,
    private readonly maxBytes: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  get size(): number {
    return this.queue.length;
  }

  push(message: Uint8Array): boolean {
    if (this.stopped) return true; // closing: nothing more will be handled
    if (this.queue.length >= this.maxMessages || this.queuedBytes + message.length > this.maxBytes)
      return false;
    this.queue.push(message);
    this.queuedBytes += message.length;
    void this.drain();
    return true;
  }

  /** Starts handling (queued messages first). */
  start(handler: (message: Uint8Array) => Promise<void>): void {
    this.handler = handler;
    void this.drain();
  }

  /** Drops whatever waits and handles nothing more. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
  }

  private async drain(): Promise<void> {
    if (this.running || !this.handler) return;
    this.running = true;
    try {
      while (!this.stopped && this.queue.length > 0) {
        const message = this.queue.shift()!;
        this.queuedBytes -= message.length;
        try {
          await this.handler(message);
        } catch (err) {
          this.onError(err);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
