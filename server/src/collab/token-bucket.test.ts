import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBucket', () => {
  it('allows a burst, then refuses until tokens refill', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 3, c.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    c.advance(99);
    expect(bucket.take()).toBe(false); // 0.99 of a token
    c.advance(1);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('never holds more than the burst, however long it idles', () => {
    const c = clock();
    const bucket = new TokenBucket(1000, 5, c.now);
    c.advance(3_600_000);
    expect(bucket.available).toBe(5);
    expect(bucket.take(5)).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('spends several tokens at once only when all are there, and keeps them when refused', () => {
    const c = clock();
    const bucket = new TokenBucket(100, 1000, c.now);
    expect(bucket.take(600)).toBe(true);
    expect(bucket.take(600)).toBe(false);
    expect(bucket.available).toBe(400);
    c.advance(2000);
    expect(bucket.take(600)).toBe(true);
  });

  it('ignores a clock that goes backwards', () => {
    const c = clock();
    const bucket = new TokenBucket(1, 1, c.now);
    expect(bucket.take()).toBe(true);
    c.advance(-5000);
    expect(bucket.take()).toBe(false);
    c.advance(6000);
    expect(bucket.take()).toBe(true);
  });
});
