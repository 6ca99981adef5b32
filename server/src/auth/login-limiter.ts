import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface LoginLimits {
  windowMs: number;
  maxPerAccount: number;
  maxPerAddress: number;
}

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sign-in attempts per account and per address in a fixed window. An attempt is counted before
 * its password is checked (one atomic increment), so concurrent guesses can't slip past the
 * limit; a successful sign-in clears its account and gives back its address's point.
 * In memory, keys expire with their window. With Redis, every instance shares the counts
 * (memory takes over while Redis is unreachable).
 */
export class LoginLimiter {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(limits: LoginLimits, redis?: { client: Redis; keyPrefix: string }) {
    const duration = Math.max(1, Math.ceil(limits.windowMs / 1000));
    const limiter = (name: string, points: number): RateLimiterAbstract => {
      const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
      if (!redis) return memory;
      return new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.keyPrefix}:${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    this.perAccount = limiter('login-account', limits.maxPerAccount);
    this.perAddress = limiter('login-address', limits.maxPerAddress);
  }

  /** Counts one attempt; refused when the account or the address is over its limit. */
  async attempt(email: string, address: string): Promise<LoginAttempt> {
    const results = await Promise.all([consume(this.perAccount, email), consume(this.perAddress, address)]);
    const refused = results.filter((r) => r.refused);
    if (refused.length === 0) return { allowed: true };
    const waitMs = Math.max(...refused.map((r) => r.msBeforeNext));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email), this.perAddress.reward(address, 1)]);
  }
}

async function consume(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<{ refused: boolean; msBeforeNext: number }> {
  try {
    const res = await limiter.consume(key);
    return { refused: false, msBeforeNext: res.msBeforeNext };
  } catch (err) {
    // The library rejects with a RateLimiterRes when over the limit, with an Error on failure.
    if (err instanceof RateLimiterRes) return { refused: true, msBeforeNext: err.msBeforeNext };
    throw err;
  }
}

/** "Try again in 40 seconds." / "Try again in 12 minutes." */
export function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
