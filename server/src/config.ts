import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from './auth/trust-proxy.ts';

export interface Config {
  port: number;
  host: string;
  /** `postgres://…` selects PostgreSQL; anything else (or unset) is a SQLite file path. */
  databaseUrl: string;
  /** Directory of the built web app; served when it exists. */
  webDist: string;
  logLevel: string;
  collab: CollabConfig;
  auth: AuthConfig;
  /** Set to share live documents between several server processes (Redis pub/sub). */
  redisUrl: string | null;
  /** Channel prefix, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
}

export interface AuthConfig {
  sessionTtlMs: number;
  /** Failed logins allowed per account and per address within the window before 429. */
  loginWindowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  /**
   * Whose X-Forwarded-* headers to believe (client address for login limits and the audit log,
   * https for Secure cookies behind TLS termination): nobody, a hop count, or proxy addresses.
   */
  trustProxy: TrustProxy;
}

export interface CollabConfig {
  /** Largest websocket message accepted, in bytes. Bigger ones close that connection (1009). */
  maxMessageBytes: number;
  /** How long an empty room stays in memory after its last client left and its writes landed. */
  idleUnloadMs: number;
  /** Compact a document's update log into its snapshot once it holds this many updates. */
  compactAfterUpdates: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? path.join(repoRoot, 'data', 'rungs.sqlite'),
    webDist: env.RUNGS_WEB_DIST ?? path.join(repoRoot, 'web', 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.RUNGS_REDIS_PREFIX ?? 'rungs',
    auth: {
      sessionTtlMs: intFromEnv(env, 'RUNGS_SESSION_TTL_MS', 14 * 24 * 3600 * 1000),
      loginWindowMs: intFromEnv(env, 'RUNGS_LOGIN_WINDOW_MS', 15 * 60 * 1000),
      maxFailuresPerAccount: intFromEnv(env, 'RUNGS_LOGIN_MAX_FAILURES', 5),
      maxFailuresPerAddress: intFromEnv(env, 'RUNGS_LOGIN_MAX_FAILURES_PER_ADDRESS', 50),
      trustProxy: parseTrustProxy(env.RUNGS_TRUST_PROXY),
    },
    collab: {
      maxMessageBytes: intFromEnv(env, 'RUNGS_MAX_MESSAGE_BYTES', 2 * 1024 * 1024),
      idleUnloadMs: intFromEnv(env, 'RUNGS_IDLE_UNLOAD_MS', 30_000),
      compactAfterUpdates: intFromEnv(env, 'RUNGS_COMPACT_AFTER_UPDATES', 500),
    },
  };
}
