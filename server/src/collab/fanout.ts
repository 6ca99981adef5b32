import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { logRedisOutages } from '../ops/outage-log.ts';

/** What instances tell each other about a document, or (channel "control") about users and sessions. */
export type FanoutMessage =
  /** `seq` counts this sender's updates on the channel: a jump means some were lost on the way. */
  | { kind: 'update'; seq: number; data: Uint8Array }
  | { kind: 'awareness'; data: Uint8Array }
  | { kind: 'close'; code: number; reason: string; writersOnly: boolean }
  | { kind: 'revoke-user'; userId: string }
  | { kind: 'revoke-session'; sessionId: string }
  /** The sender could not publish some of its updates on this channel: read them from SQL. */
  | { kind: 'resync' }
  /** Facts the server tells everyone in a document (e.g. the ladder was published): see `RoomManager.announce`. */
  | { kind: 'announce'; fields: Announcement }
  /** (channel "control") Something people's notifications show changed: every open bell looks again. */
  | { kind: 'notifications' };

/** What a room's server-side awareness state may carry: small facts, never document content. */
export type Announcement = Record<string, number | string | boolean>;

/** What a caller publishes: updates get their `seq` from the fan-out itself. */
export type OutgoingMessage =
  Exclude<FanoutMessage, { kind: 'update' }> | { kind: 'update'; data: Uint8Array };

/** `from` names the sending instance, so receivers can follow each sender's `seq`. */
export type FanoutHandler = (message: FanoutMessage, from: string) => void;

/**
 * Several server processes share one document through this: each stores its own clients' updates
 * (the log in SQL is the truth) and publishes them once stored; the others apply and broadcast
 * them to their clients without storing them again. Delivery is at most once: receivers detect
 * what was lost (a `seq` gap, a reconnect, a `resync`) and read it back from SQL. A single
 * process uses no fan-out.
 */
export interface Fanout {
  /** Resolves once subscribed; handlers get messages from then on. */
  subscribe(channel: string, handler: FanoutHandler): Promise<void>;
  unsubscribe(channel: string, handler: FanoutHandler): Promise<void>;
  /** Never blocks nor queues while disconnected: what can't be sent now is reported to receivers later. */
  publish(channel: string, message: OutgoingMessage): void;
  /** Called after the subscription came back from a disconnect: messages may have been missed. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

export const CONTROL_CHANNEL = 'control';

const KIND = {
  update: 1,
  awareness: 2,
  close: 3,
  'revoke-user': 4,
  'revoke-session': 5,
  resync: 6,
  announce: 7,
  notifications: 8,
} as const;
const ID_BYTES = 16;
/** Control messages that could not be sent are retried on reconnect; beyond this many, the oldest go. */
const MAX_HELD_CONTROL_MESSAGES = 1000;

/** Redis pub/sub: one connection publishes, one subscribes; messages carry the sender's id. */
export class RedisFanout implements Fanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly instanceId = randomBytes(ID_BYTES);
  private readonly handlers = new Map<string, Set<FanoutHandler>>();
  private readonly seqs = new Map<string, number>();
  /** Channels whose updates could not all be published, to announce a resync on reconnect. */
  private readonly unsent = new Set<string>();
  /** Control messages (closes, revocations) that could not be published, to send on reconnect. */
  private readonly heldControl: Array<{ channel: string; message: FanoutMessage }> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private subLost = false;

  constructor(
    url: string,
    private readonly prefix: string,
    /** Errors that are not the connection's own (those are logged once per outage). */
    private readonly onError: (err: unknown) => void,
    log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
  ) {
    // Publishing fails at once while disconnected instead of piling up in memory.
    this.pub = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectionName: `${prefix}:pub`,
    });
    // Subscriptions wait in the (small: one per loaded document) offline queue and are restored
    // by ioredis after a reconnect.
    this.sub = new Redis(url, { maxRetriesPerRequest: null, connectionName: `${prefix}:sub` });
    logRedisOutages(this.pub, log, 'fan-out (publishing)');
    logRedisOutages(this.sub, log, 'fan-out (subscriptions)');
    // A failed first connection counts as lost too: rooms loaded meanwhile missed messages.
    this.sub.on('error', () => (this.subLost = true));
    this.sub.on('close', () => (this.subLost = true));
    this.sub.on('ready', () => {
      if (!this.subLost) return;
      this.subLost = false;
      for (const listener of this.reconnectListeners) listener();
    });
    this.pub.on('ready', () => this.flushUnsent());
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.deliver(channel.toString(), message),
    );
  }

  get id(): string {
    return this.instanceId.toString('hex');
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
      this.seqs.delete(channel);
      await this.sub.unsubscribe(key);
    }
  }

  publish(channel: string, message: OutgoingMessage): void {
    const outgoing: FanoutMessage =
      message.kind === 'update' ? { ...message, seq: this.nextSeq(channel) } : message;
    // While Redis is away this fails at once (no offline queue); the outage is logged once.
    this.pub
      .publish(this.key(channel), encode(this.instanceId, outgoing))
      .catch(() => this.remember(channel, outgoing));
  }

  private nextSeq(channel: string): number {
    const seq = (this.seqs.get(channel) ?? 0) + 1;
    this.seqs.set(channel, seq);
    return seq;
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private remember(channel: string, message: FanoutMessage): void {
    if (message.kind === 'update' || message.kind === 'resync') this.unsent.add(channel);
    else if (message.kind !== 'awareness') {
      // Presence is resent by clients every few seconds; closes and revocations are not.
      this.heldControl.push({ channel, message });
      if (this.heldControl.length > MAX_HELD_CONTROL_MESSAGES) this.heldControl.shift();
    }
  }

  private flushUnsent(): void {
    const channels = [...this.unsent];
    this.unsent.clear();
    for (const channel of channels) this.publish(channel, { kind: 'resync' });
    const held = this.heldControl.splice(0);
    for (const { channel, message } of held) this.publish(channel, message);
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
    const from = raw.subarray(0, ID_BYTES).toString('hex');
    for (const handler of this.handlers.get(key) ?? []) handler(message, from);
  }
}

const SEQ_BYTES = 8;

export function encode(instanceId: Buffer, message: FanoutMessage): Buffer {
  const header = Buffer.concat([instanceId, Buffer.from([KIND[message.kind]])]);
  if (message.kind === 'update') {
    const seq = Buffer.alloc(SEQ_BYTES);
    seq.writeDoubleBE(message.seq);
    return Buffer.concat([header, seq, Buffer.from(message.data)]);
  }
  if (message.kind === 'awareness') return Buffer.concat([header, Buffer.from(message.data)]);
  return Buffer.concat([header, Buffer.from(JSON.stringify(message))]);
}

export function decode(raw: Buffer): FanoutMessage {
  const kind = raw[ID_BYTES];
  const payload = raw.subarray(ID_BYTES + 1);
  if (kind === KIND.update) {
    if (payload.length < SEQ_BYTES) throw new Error('truncated fan-out update');
    return {
      kind: 'update',
      seq: payload.readDoubleBE(0),
      data: new Uint8Array(payload.subarray(SEQ_BYTES)),
    };
  }
  if (kind === KIND.awareness) return { kind: 'awareness', data: new Uint8Array(payload) };
  if (
    kind === KIND.close ||
    kind === KIND['revoke-user'] ||
    kind === KIND['revoke-session'] ||
    kind === KIND.resync ||
    kind === KIND.announce ||
    kind === KIND.notifications
  )
    return JSON.parse(payload.toString()) as FanoutMessage;
  throw new Error(`unknown fan-out message kind ${kind}`);
}
