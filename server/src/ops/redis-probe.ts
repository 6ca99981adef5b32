import { Redis } from 'ioredis';
import type { Probe } from './readiness.ts';

/**
 * A Redis connection of its own for the readiness probe, so probing never queues behind (or
 * disturbs) the fan-out's traffic. Commands fail at once while disconnected (no offline queue).
 */
export class RedisProbe {
  private readonly client: Redis;
  private lastError: Error | null = null;

  constructor(url: string, timeoutMs: number) {
    this.client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      connectTimeout: Math.min(timeoutMs, 1000),
      maxRetriesPerRequest: 0,
    });
    this.client.on('error', (err: Error) => (this.lastError = err));
    this.client.on('ready', () => (this.lastError = null));
  }

  readonly probe: Probe = async () => {
    const status = this.client.status;
    // ioredis rejects a failed connect with "Connection is closed."; the error event says why.
    if (status === 'wait')
      await this.client.connect().catch((err: unknown) => Promise.reject(this.lastError ?? err));
    else if (status === 'connecting' || status === 'connect') await this.whenReady();
    else if (status !== 'ready') {
      throw new Error(`not connected (${this.lastError?.message ?? status})`);
    }
    const answer = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`PING answered "${answer}"`);
  };

  close(): void {
    this.client.disconnect();
  }

  private whenReady(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onReady = () => {
        this.client.off('error', onError);
        resolve();
      };
      const onError = (err: Error) => {
        this.client.off('ready', onReady);
        reject(err);
      };
      this.client.once('ready', onReady);
      this.client.once('error', onError);
    });
  }
}
