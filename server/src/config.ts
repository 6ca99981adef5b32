import path from 'node:path';

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
  imports: ImportsConfig;
}

export interface ImportsConfig {
  /** A document whose parsing takes longer is refused (422 import_too_complex); its worker is stopped. */
  timeoutMs: number;
  /** Worker threads parsing documents at once. */
  workers: number;
  /** Workers kept started while idle, so an import need not wait for one to load (0: start on demand). */
  warmWorkers: number;
  /** Imports waiting for a worker; more are refused with 503 and Retry-After. */
  queue: number;
  /** Heap limit of each import worker, in MB. */
  workerMemoryMb: number;
}

export interface AuthConfig {
  sessionTtlMs: number;
  /** Failed logins allowed per account and per address within the window before 429. */
  loginWindowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  /** Trust X-Forwarded-* from a reverse proxy (decides Secure cookies behind TLS termination). */
  trustProxy: boolean;
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
      trustProxy: env.RUNGS_TRUST_PROXY === '1' || env.RUNGS_TRUST_PROXY === 'true',
    },
    imports: {
      timeoutMs: intFromEnv(env, 'RUNGS_IMPORT_TIMEOUT_MS', 10_000),
      workers: Math.max(1, intFromEnv(env, 'RUNGS_IMPORT_WORKERS', 2)),
      warmWorkers: intFromEnv(env, 'RUNGS_IMPORT_WARM_WORKERS', 0),
      queue: intFromEnv(env, 'RUNGS_IMPORT_QUEUE', 8),
      workerMemoryMb: Math.max(64, intFromEnv(env, 'RUNGS_IMPORT_WORKER_MEMORY_MB', 1024)),
    },
    collab: {
      maxMessageBytes: intFromEnv(env, 'RUNGS_MAX_MESSAGE_BYTES', 2 * 1024 * 1024),
      idleUnloadMs: intFromEnv(env, 'RUNGS_IDLE_UNLOAD_MS', 30_000),
      compactAfterUpdates: intFromEnv(env, 'RUNGS_COMPACT_AFTER_UPDATES', 500),
    },
  };
}
