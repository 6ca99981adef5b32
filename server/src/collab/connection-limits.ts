import type { ConnectionLimitsConfig } from '../config.ts';
import { CloseCode } from './connection.ts';
import { TokenBucket } from './token-bucket.ts';

/** Why a connection must be closed, as the client will read it. */
export interface Refusal {
  code: number;
  reason: string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A single message over the limit (1009), in words the browser can show as they are. */
export function tooBigRefusal(byteLength: number, maxMessageBytes: number): Refusal {
  return {
    code: CloseCode.messageTooBig,
    reason: `Your last change is too large to save (${mb(byteLength)}; the limit is ${mb(maxMessageBytes)}). Undo it or split the text.`,
  };
}

/**
 * The rates one connection may send at: messages and bytes per second (over them the connection
 * is closed, 4002; the client reconnects and resyncs, losing nothing), and requests for the whole
 * state (dropped when over: an honest client asks once per connect).
 */
export class ConnectionRates {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly fullState: TokenBucket;

  constructor(
    private readonly limits: ConnectionLimitsConfig,
    now?: () => number,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst, now);
    this.fullState = new TokenBucket(limits.fullStatePerMinute / 60, limits.fullStateBurst, now);
  }

  /** Counts one incoming message; a refusal when it goes over a rate. */
  admit(byteLength: number): Refusal | null {
    if (!this.messages.take(1)) {
      return {
        code: CloseCode.rateLimited,
        reason: `Too many messages: more than ${this.limits.messagesPerSecond} per second. Reconnecting.`,
      };
    }
    if (!this.bytes.take(byteLength)) {
      return {
        code: CloseCode.rateLimited,
        reason: `Too much data: more than ${mb(this.limits.bytesPerSecond)} per second. Reconnecting.`,
      };
    }
    return null;
  }

  allowFullState(): boolean {
    return this.fullState.take(1);
  }
}

/**
 * Open connections per user and per document in this process. `open` counts a connection in
 * (returning how to count it out) or says which cap it would break.
 */
export class ConnectionCaps {
  private readonly perUser = new Map<string, number>();
  private readonly perDocument = new Map<string, number>();

  constructor(
    private readonly limits: Pick<
      ConnectionLimitsConfig,
      'maxConnectionsPerUser' | 'maxConnectionsPerDocument'
    >,
  ) {}

  open(userKey: string, documentName: string): { release: () => void } | { refusal: Refusal } {
    const user = this.perUser.get(userKey) ?? 0;
    if (user >= this.limits.maxConnectionsPerUser) {
      return {
        refusal: {
          code: CloseCode.tooManyConnections,
          reason: `You have ${this.limits.maxConnectionsPerUser} live documents open already. Close some tabs, then reload.`,
        },
      };
    }
    const doc = this.perDocument.get(documentName) ?? 0;
    if (doc >= this.limits.maxConnectionsPerDocument) {
      return {
        refusal: {
          code: CloseCode.tooManyConnections,
          reason: `This document has ${this.limits.maxConnectionsPerDocument} connections open already. Reload later.`,
        },
      };
    }
    this.perUser.set(userKey, user + 1);
    this.perDocument.set(documentName, doc + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        decrement(this.perUser, userKey);
        decrement(this.perDocument, documentName);
      },
    };
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 1) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
