import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { CloseCode } from './connection.ts';
import { ConnectionCaps, ConnectionRates } from './connection-limits.ts';
import { Inbox } from './inbox.ts';

const limits = {
  ...loadConfig({}).collab.limits,
  messagesPerSecond: 10,
  messageBurst: 20,
  bytesPerSecond: 1000,
  byteBurst: 5000,
  fullStatePerMinute: 60,
  fullStateBurst: 2,
  maxConnectionsPerUser: 2,
  maxConnectionsPerDocument: 3,
};

describe('ConnectionRates', () => {
  it('closes a message storm with 4002 once the burst is spent, and recovers with time', () => {
    let t = 0;
    const rates = new ConnectionRates(limits, () => t);
    for (let i = 0; i < 20; i++) expect(rates.admit(4)).toBeNull();
    expect(rates.admit(4)).toMatchObject({
      code: CloseCode.rateLimited,
      reason: expect.stringMatching(/messages/),
    });
    t += 1000;
    expect(rates.admit(4)).toBeNull();
  });

  it('counts bytes separately from messages', () => {
    const rates = new ConnectionRates(limits, () => 0);
    expect(rates.admit(4000)).toBeNull();
    expect(rates.admit(2000)).toMatchObject({
      code: CloseCode.rateLimited,
      reason: expect.stringMatching(/data/),
    });
  });

  it('allows a small burst of full-state requests, then about one a second', () => {
    let t = 0;
    const rates = new ConnectionRates(limits, () => t);
    expect([rates.allowFullState(), rates.allowFullState(), rates.allowFullState()]).toEqual([
      true,
      true,
      false,
    ]);
    t += 1000;
    expect(rates.allowFullState()).toBe(true);
  });
});

describe('ConnectionCaps', () => {
  it('caps connections per user and per document, and counts released ones out once', () => {
    const caps = new ConnectionCaps(limits);
    const a1 = caps.open('alice', 'doc');
    const a2 = caps.open('alice', 'doc');
    expect(caps.open('alice', 'other')).toMatchObject({ refusal: { code: CloseCode.tooManyConnections } });
    expect('release' in a1 && 'release' in a2).toBe(true);
    const b1 = caps.open('bob', 'doc');
    expect(caps.open('carol', 'doc')).toMatchObject({
      refusal: { reason: expect.stringMatching(/document/) },
    });
    if ('release' in a1) {
      a1.release();
      a1.release();
    }
    expect('release' in caps.open('carol', 'doc')).toBe(true);
    expect('refusal' in caps.open('dave', 'doc')).toBe(true);
    expect('release' in b1).toBe(true);
  });
});

describe('Inbox', () => {
  it('holds messages until started, handles them one at a time in order, and refuses past its bounds', async () => {
    const inbox = new Inbox(3, 10, (err) => {
      throw err;
    });
    expect([inbox.push(new Uint8Array(4)), inbox.push(new Uint8Array(4))]).toEqual([true, true]);
    expect(inbox.push(new Uint8Array(4))).toBe(false); // 12 bytes > 10
    expect(inbox.push(new Uint8Array(1))).toBe(true);
    expect(inbox.push(new Uint8Array(1))).toBe(false); // 4 messages > 3
    const handled: number[] = [];
    let active = 0;
    let maxActive = 0;
    inbox.start(async (m) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setImmediate(r));
      handled.push(m.length);
      active--;
    });
    expect(inbox.push(new Uint8Array(2))).toBe(true);
    await new Promise<void>((resolve) => {
      const poll = () => (handled.length === 4 ? resolve() : setImmediate(poll));
      poll();
    });
    expect(handled).toEqual([4, 4, 1, 2]);
    expect(maxActive).toBe(1);
  });

  it('drops what waits once stopped', async () => {
    const handled: Uint8Array[] = [];
    const inbox = new Inbox(10, 100, () => {});
    inbox.push(new Uint8Array(1));
    inbox.stop();
    inbox.start(async (m) => void handled.push(m));
    inbox.push(new Uint8Array(1));
    await new Promise((r) => setImmediate(r));
    expect(handled).toEqual([]);
  });
});
