import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** What instances tell each other about a document, or (channel "control") about users and sessions. */
export type FanoutMessage =
  | { kind: 'update'; data: Uint8Array }
  | { kind: 'awareness'; data: Uint8Array }
  | { kind: 'close'; code: number; reason: string; writersOnly: boolean }
  | { kind: 'revoke-user'; userId: string }
  | { kind: 'revoke-session'; sessionId: string };

export type FanoutHandler = (message: FanoutMessage) => void;

/**
 * Several server processes share one document through this: each stores its own clients' updates
 * (the log in SQL is the truth) and publishes them once stored; the others apply and broadcast
 * them to their clients without storing them again. A single process uses no fan-out.
 */
export interface Fanout {
  subscribe(channel: string, handler: FanoutHandler): Promise<void>;
  unsubscribe(channel: string, handler: FanoutHandler): Promise<void>;
  publish(channel: string, message: FanoutMessage): void;
  close(): Promise<void>;
}

export const CONTROL_CHANNEL = 'control';

const KIND = { update: 1, awareness: 2, close: 3, 'revoke-user': 4, 'revoke-session': 5 } as const;
const ID_BYTES = 16;

/** Redis pub/sub: one connection publishes, one subscribes; messages carry the sender's id. */
export class RedisFanout implements Fanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly instanceId = randomBytes(ID_BYTES);
  private readonly handlers = new Map<string, Set<FanoutHandler>>();

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly onError: (err: unknown) => void,
  ) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.sub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: null });
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.deliver(channel.toString(), message),
    );
  }

  async subscribe(channel: string, handler: FanoutHandler): Promise<void> {
    const key = this.key(channel);
    let set = this.handlers.get(key);
    if (!set) {
      set = new Set();
      this.handlers.set(key, set);
      set.add(handler);
      await this.sub.subscribe(key);
      return;
    }
    set.add(handler);
  }

  async unsubscribe(channel: string, handler: FanoutHandler): Promise<void> {
    const key = this.key(channel);
    const set = this.handlers.get(key);
    if (!set) return;
    set.delete(handler);
    if (set.size === 0) {
      this.handlers.delete(key);
      await this.sub.unsubscribe(key);
    }
  }

  publish(channel: string, message: FanoutMessage): void {
    this.pub.publish(this.key(channel), encode(this.instanceId, message)).catch(this.onError);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private key(channel: string): string {
    return `${this.prefix}:${channel}`;
  }

  private deliver(key: string, raw: Buffer): void {
    if (raw.length <= ID_BYTES || raw.subarray(0, ID_BYTES).equals(this.instanceId)) return; // our own
    let message: FanoutMessage;
    try {
      message = decode(raw);
    } catch (err) {
      this.onError(err);
      return;
    }
    for (const handler of this.handlers.get(key) ?? []) handler(message);
  }
}

function encode(instanceId: Buffer, message: FanoutMessage): Buffer {
  const payload =
    message.kind === 'update' || message.kind === 'awareness'
      ? Buffer.from(message.data)
      : Buffer.from(JSON.stringify(message));
  return Buffer.concat([instanceId, Buffer.from([KIND[message.kind]]), payload]);
}

function decode(raw: Buffer): FanoutMessage {
  const kind = raw[ID_BYTES];
  const payload = raw.subarray(ID_BYTES + 1);
  if (kind === KIND.update) return { kind: 'update', data: new Uint8Array(payload) };
  if (kind === KIND.awareness) return { kind: 'awareness', data: new Uint8Array(payload) };
  if (kind === KIND.close || kind === KIND['revoke-user'] || kind === KIND['revoke-session'])
    return JSON.parse(payload.toString()) as FanoutMessage;
  throw new Error(`unknown fan-out message kind ${kind}`);
}
