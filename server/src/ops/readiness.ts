import { withTimeout } from './with-timeout.ts';

/** A dependency probe: resolves when the dependency answers, rejects with why it does not. */
export type Probe = () => Promise<void>;

export type CheckState = 'ok' | 'failed' | 'not configured';

export interface ReadinessChecks {
  database: CheckState;
  redis: CheckState;
}

export type ReadinessReport =
  | { status: 'ready'; checks: ReadinessChecks }
  | { status: 'not_ready'; checks: ReadinessChecks; reason: string }
  | { status: 'draining'; reason: string };

/**
 * Whether this instance should get traffic: its database (and Redis, when configured) answer
 * within `timeoutMs`, and it is not shutting down. Liveness is separate (`/api/health`): a
 * database outage makes every instance unready, not dead, so none is restarted for it.
 */
export class Readiness {
  private draining = false;

  constructor(
    private readonly probes: { database: Probe; redis: Probe | null },
    private readonly timeoutMs: number,
  ) {}

  /** From now on the instance reports `draining` (503), so load balancers stop sending to it. */
  startDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    if (this.draining) return { status: 'draining', reason: 'This instance is shutting down.' };
    const [database, redis] = await Promise.all([
      this.run('The database', this.probes.database),
      this.probes.redis ? this.run('Redis', this.probes.redis) : null,
    ]);
    const checks: ReadinessChecks = {
      database: database === null ? 'ok' : 'failed',
      redis: !this.probes.redis ? 'not configured' : redis === null ? 'ok' : 'failed',
    };
    const reasons = [database, redis].filter((r): r is string => r !== null);
    // Shutting down may have started while the probes ran.
    if (this.draining) return { status: 'draining', reason: 'This instance is shutting down.' };
    if (reasons.length > 0) return { status: 'not_ready', checks, reason: reasons.join(' ') };
    return { status: 'ready', checks };
  }

  /** Null when the probe answered in time, else a sentence saying what failed. */
  private async run(what: string, probe: Probe): Promise<string | null> {
    try {
      await withTimeout(probe(), this.timeoutMs, what);
      return null;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
      return message.startsWith(what) ? `${message}.` : `${what} is unreachable: ${message}.`;
    }
  }
}
