import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.ts';

describe('parseTrustProxy', () => {
  it('is off unless set', () => {
    for (const raw of [undefined, '', '0', 'false', 'off', ' OFF ']) expect(parseTrustProxy(raw)).toBe(false);
  });

  it('reads true as one hop and numbers as hop counts', () => {
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('3')).toBe(3);
  });

  it('reads a list of addresses and CIDR ranges', () => {
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses what it cannot read, naming it', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => parseTrustProxy('proxy.internal')).toThrow(/hop count/);
    expect(() => parseTrustProxy('yes please')).toThrow();
  });
});
