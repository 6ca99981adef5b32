/** How long changes are gathered before the open bells are told, so a burst of verdicts is one refetch. */
const COALESCE_MS = 200;

/**
 * Tells every open notifications stream (the bell of each signed-in page) that something people's
 * notifications show has changed: a verdict, a comment, a proposal opened, published or closed.
 * The signal carries nothing; each page asks `GET /api/notifications`, where access is decided.
 * `publishRemote` passes it to the other instances, which call `emitLocal`.
 */
export class NotificationSignals {
  private readonly listeners = new Set<() => void>();
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly publishRemote: () => void = () => {}) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listening(): number {
    return this.listeners.size;
  }

  changed(): void {
    this.emitLocal();
    this.publishRemote();
  }

  emitLocal(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      for (const listener of [...this.listeners]) listener();
    }, COALESCE_MS);
  }

  close(): void {
    clearTimeout(this.pending);
    this.listeners.clear();
  }
}

/**
 * For a routes plugin whose writes change what notifications show (proposals, verdicts,
 * comments): after each successful write, the open bells are told. Reads tell nobody.
 */
export function signalAfterWrites(app: {
  addHook(
    name: 'onResponse',
    hook: (request: { method: string }, reply: { statusCode: number }) => Promise<void>,
  ): unknown;
  notificationSignals: NotificationSignals;
}): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400)
      app.notificationSignals.changed();
  });
}
