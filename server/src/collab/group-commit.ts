import type { PendingUpdate } from './document-store.ts';

/** What a flush reports: the documents whose updates the database refused (not writable). */
export interface FlushResult {
  refused?: ReadonlyMap<string, NotWritableReason>;
}

type Flush = (batch: PendingUpdate[]) => Promise<void | FlushResult>;

export type NotWritableReason = 'read_only' | 'missing';

/** The database refused a document's update: it is not writable (any more). Never retried. */
export class DocumentNotWritableError extends Error {
  constructor(
    readonly documentName: string,
    readonly reason: NotWritableReason,
  ) {
    super(
      reason === 'read_only'
        ? `document ${documentName} is read-only; the update was not stored`
        : `document ${documentName} does not exist; the update was not stored`,
    );
    this.name = 'DocumentNotWritableError';
  }
}

interface Waiting extends PendingUpdate {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** Extra time to gather a batch after the first update arrives (0 = the current event-loop turn). */
  gatherMs?: number;
  /** Attempts before giving up on a batch (a failing database gets a short backoff between tries). */
  attempts?: number;
  onError?: (err: unknown, attempt: number) => void;
  /** After each committed batch: how long it took and how many updates it held. */
  onCommitted?: (seconds: number, size: number) => void;
}

/**
 * Batches updates that arrive close together into one transaction. Batches commit strictly in
 * arrival order, so promises resolve in the order updates were enqueued.
 */
export class GroupCommitter {
  private queue: Waiting[] = [];
  private flushing = false;
  private scheduled = false;
  private readonly gatherMs: number;
  private readonly attempts: number;

  constructor(
    private readonly flush: Flush,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.gatherMs = options.gatherMs ?? 0;
    this.attempts = options.attempts ?? 5;
  }

  enqueue(update: PendingUpdate): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...update, resolve, reject });
      this.schedule();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.drain();
    };
    if (this.gatherMs > 0) setTimeout(run, this.gatherMs);
    else setImmediate(run);
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const started = performance.now();
          const { refused } = (await this.commitWithRetry(batch)) ?? {};
          this.options.onCommitted?.((performance.now() - started) / 1000, batch.length);
          for (const item of batch) {
            const reason = refused?.get(item.documentName);
            if (reason) item.reject(new DocumentNotWritableError(item.documentName, reason));
            else item.resolve();
          }
        } catch (err) {
          for (const item of batch) item.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commitWithRetry(batch: Waiting[]): Promise<void | FlushResult> {
    const plain = batch.map(({ documentName, update }) => ({ documentName, update }));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.flush(plain);
      } catch (err) {
        this.options.onError?.(err, attempt);
        if (attempt >= this.attempts) throw err;
        await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
    }
  }
}
