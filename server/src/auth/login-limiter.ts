/**
 * Counts failed logins per account and per address in a sliding window. In memory: with several
 * instances each enforces its own window (a shared store is a later step, noted in ARCHITECTURE).
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly maxPerAccount: number,
    private readonly maxPerAddress: number,
  ) {}

  /** Seconds to wait before trying again, or 0 when allowed. */
  retryAfter(email: string, ip: string): number {
    const now = Date.now();
    const wait = (key: string, max: number) => {
      const times = this.recent(key, now);
      return times.length >= max ? Math.ceil((times[0]! + this.windowMs - now) / 1000) : 0;
    };
    return Math.max(wait(`account:${email}`, this.maxPerAccount), wait(`ip:${ip}`, this.maxPerAddress));
  }

  recordFailure(email: string, ip: string): void {
    const now = Date.now();
    for (const key of [`account:${email}`, `ip:${ip}`]) {
      const times = this.recent(key, now);
      times.push(now);
      this.failures.set(key, times);
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(`account:${email}`);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}
