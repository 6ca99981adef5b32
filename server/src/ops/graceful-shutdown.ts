import type { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';

export interface GracefulShutdownOptions {
  /** Keep serving this long after the signal while `/api/ready` answers 503 (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Exit with 1 if shutting down takes longer (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  /** Where signals come from, and how to exit; tests pass their own. */
  signals?: Pick<EventEmitter, 'on'>;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: report draining (`/api/ready` 503), wait the grace period so a load
 * balancer stops sending new requests, then close the app: stop listening, close websockets
 * with 1012 so clients reconnect elsewhere, store every pending update, close the database; exit
 * 0. A second signal, a failure, or the timeout exits 1 at once.
 */
export function exitGracefullyOnSignals(app: FastifyInstance, options: GracefulShutdownOptions): void {
  const signals = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;

  const shutdown = async (signal: string) => {
    app.readiness.startDraining();
    const hardStop = setTimeout(() => {
      app.log.error(`${signal}: shutdown took longer than ${options.timeoutMs} ms; exiting anyway`);
      exit(1);
    }, options.timeoutMs);
    app.log.info(
      { graceMs: options.graceMs, pendingCommits: app.rooms.committer.pending },
      `${signal}: draining, then shutting down`,
    );
    try {
      // The listening server keeps the process up meanwhile; this timer need not.
      if (options.graceMs > 0) await new Promise((resolve) => setTimeout(resolve, options.graceMs).unref());
      await app.close();
      const unstored = app.rooms.committer.pending;
      if (unstored > 0) {
        app.log.error({ unstored }, `${signal}: shut down, but ${unstored} updates could not be stored`);
        exit(1);
      } else {
        app.log.info(`${signal}: shut down cleanly`);
        exit(0);
      }
    } catch (err) {
      app.log.error({ err }, `${signal}: shutdown failed`);
      exit(1);
    } finally {
      clearTimeout(hardStop);
    }
  };

  const onSignal = (signal: string) => {
    if (started) {
      app.log.warn(`${signal} again: exiting without finishing the shutdown`);
      exit(1);
      return;
    }
    started = true;
    void shutdown(signal);
  };
  signals.on('SIGTERM', () => onSignal('SIGTERM'));
  signals.on('SIGINT', () => onSignal('SIGINT'));
}
