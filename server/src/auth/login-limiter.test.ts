import { describe, expect, it } from 'vitest';
import { describeRetryAfter, LoginLimiter } from './login-limiter.ts';

const limits = { windowMs: 60_000, maxPerAccount: 3, maxPerAddress: 5 };

describe('LoginLimiter (in memory)', () => {
  it('lets exactly the limit through when attempts arrive at once', async () => {
    const limiter = new LoginLimiter(limits);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => limiter.attempt('ada@example.com', '192.0.2.1')),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    for (const r of results.filter((r) => !r.allowed)) {
      const wait = (r as { retryAfterSeconds: number }).retryAfterSeconds;
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
    }
  });

  it('limits an address across accounts, and a success gives its attempt back', async () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 4; i++)
      expect((await limiter.attempt(`u${i}@example.com`, '192.0.2.2')).allowed).toBe(true);
    expect((await limiter.attempt('ok@example.com', '192.0.2.2')).allowed).toBe(true);
    await limiter.succeeded('ok@example.com', '192.0.2.2');
    expect((await limiter.attempt('u9@example.com', '192.0.2.2')).allowed).toBe(true);
    expect((await limiter.attempt('u10@example.com', '192.0.2.2')).allowed).toBe(false);
    expect((await limiter.attempt('u11@example.com', '192.0.2.3')).allowed).toBe(true);
  });

  it('clears an account on success', async () => {
    const limiter = new LoginLimiter(limits);
    for (let i = 0; i < 3; i++) await limiter.attempt('bob@example.com', `192.0.2.${10 + i}`);
    await limiter.succeeded('bob@example.com', '192.0.2.12');
    expect((await limiter.attempt('bob@example.com', '192.0.2.20')).allowed).toBe(true);
  });
});

describe('describeRetryAfter', () => {
  it('speaks in seconds under a minute, else whole minutes', () => {
    expect(describeRetryAfter(1)).toBe('Try again in 1 second.');
    expect(describeRetryAfter(40)).toBe('Try again in 40 seconds.');
    expect(describeRetryAfter(60)).toBe('Try again in 1 minute.');
    expect(describeRetryAfter(61)).toBe('Try again in 2 minutes.');
  });
});
