import { Counter, Histogram, Registry } from 'prom-client';

/**
 * What the collaboration engine, proposals and imports count, for Prometheus. Each app has its
 * own registry (see `plugins/metrics.ts`), so several apps in one process never share a series;
 * code without an app (unit tests) can use `new CollabMetrics()`, which counts into a registry
 * of its own.
 */
export class CollabMetrics {
  /** How long a group commit's transaction took (retries included). */
  readonly commitLatencySeconds: Histogram;
  /** Updates written by one group commit. */
  readonly commitBatchSize: Histogram;
  /** Fan-out messages through Redis: `direction` in|out, `kind` update|awareness|close|… */
  readonly fanoutMessages: Counter<'direction' | 'kind'>;
  /** Times an instance caught up from the SQL log instead of pub/sub (`reason`: gap, reconnect, …). */
  readonly resyncs: Counter<'reason'>;
  /** Websocket messages refused or connections closed for a limit or a rule (`reason`). */
  readonly refusedMessages: Counter<'reason'>;
  /** Proposal merges (publishes): `outcome` merged, or the refusal code (conflicts, not_open, …). */
  readonly merges: Counter<'outcome'>;
  /** Import previews: `outcome` ok, or the refusal code (too_large, import_too_complex, import_busy, …). */
  readonly imports: Counter<'outcome'>;

  constructor(readonly registry: Registry = new Registry()) {
    const registers = [registry];
    this.commitLatencySeconds = new Histogram({
      name: 'rungs_commit_latency_seconds',
      help: 'How long a group commit took to write its batch (retries included).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.commitBatchSize = new Histogram({
      name: 'rungs_commit_batch_size',
      help: 'Updates written by one group commit.',
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers,
    });
    this.fanoutMessages = new Counter({
      name: 'rungs_fanout_messages_total',
      help: 'Messages published to (out) or received from (in) the Redis fan-out, by kind.',
      labelNames: ['direction', 'kind'],
      registers,
    });
    this.resyncs = new Counter({
      name: 'rungs_resyncs_total',
      help: 'Catch-ups of a live document from the SQL update log instead of the fan-out, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.refusedMessages = new Counter({
      name: 'rungs_refused_messages_total',
      help: 'Websocket messages refused (or connections closed) for a limit or a rule, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.merges = new Counter({
      name: 'rungs_merges_total',
      help: 'Proposal merges attempted, by outcome (merged, or the refusal code).',
      labelNames: ['outcome'],
      registers,
    });
    this.imports = new Counter({
      name: 'rungs_imports_total',
      help: 'Import previews attempted, by outcome (ok, or the refusal code).',
      labelNames: ['outcome'],
      registers,
    });
  }
}
