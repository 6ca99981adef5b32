import type { Redis } from 'ioredis';

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * Logs a Redis connection's outage once, when it starts, and once more when it ends, instead of
 * one line per reconnection attempt (several a second for as long as Redis is away).
 */
export function logRedisOutages(client: Redis, log: Log, what: string): void {
  let down = false;
  client.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ err }, `${what}: redis unreachable; retrying in the background`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({}, `${what}: redis reachable again`);
  });
}
