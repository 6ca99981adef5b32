import path from 'node:path';
import { parseTrustProxy, type TrustProxy } from './auth/trust-proxy.ts';
import { LADDER_LIMITS } from '@rungs/shared';

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
  ops: OpsConfig;
}

/** Probes, metrics and shutdown: what running several instances behind a load balancer needs. */
export interface OpsConfig {
  /** When set, `GET /metrics` on the main port answers requests with `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** When set, metrics are also served on this port of `host` (the token, if set, is required there too). */
  metricsPort: number | null;
  /** How long `/api/ready` waits for the database (and Redis) before calling it unreachable. */
  readyTimeoutMs: number;
  /** After SIGTERM: how long to keep serving while `/api/ready` says 503, so a load balancer stops sending. */
  shutdownGraceMs: number;
  /** After SIGTERM: if shutting down takes longer than this, the process exits with 1 anyway. */
  shutdownTimeoutMs: number;
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
  /** A document whose log holds this many updates is loaded by a worker thread (SQLite). */
  replayOffThreadAtLeast: number;
  limits: ConnectionLimitsConfig;
}

/** What one websocket connection may cost the server (see `collab/connection-limits.ts`). */
export interface ConnectionLimitsConfig {
  /** Unsent bytes a connection may have queued; a client that reads slower is closed (4001). */
  maxBufferedBytes: number;
  /** Messages per second a connection may send, and the burst it may send at once (else 4002). */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes per second a connection may send, and the burst (at least one largest message). */
  bytesPerSecond: number;
  byteBurst: number;
  /** Requests for the whole state (sync step 1, query awareness) per minute, and their burst; extra ones are dropped. */
  fullStatePerMinute: number;
  fullStateBurst: number;
  /** Messages (and their bytes) waiting to be handled, e.g. while the document loads (else 4003). */
  maxQueuedMessages: number;
  maxQueuedBytes: number;
  /** Open connections per signed-in user and per document, in this process (else 4429). */
  maxConnectionsPerUser: number;
  maxConnectionsPerDocument: number;
  /** Awareness (presence) client ids one connection may introduce, and the size of each state. */
  maxAwarenessClients: number;
  maxAwarenessStateBytes: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function loadConnectionLimits(env: NodeJS.ProcessEnv, maxMessageBytes: number): ConnectionLimitsConfig {
  return {
    // Room for the largest document's first sync plus a few large edits behind it.
    maxBufferedBytes: intFromEnv(
      env,
      'RUNGS_WS_MAX_BUFFERED_BYTES',
      LADDER_LIMITS.maxDocumentBytes + 2 * maxMessageBytes,
    ),
    // y-websocket clients echo every presence broadcast they receive: busy rooms mean many small messages.
    messagesPerSecond: intFromEnv(env, 'RUNGS_WS_MESSAGES_PER_SECOND', 1000),
    messageBurst: intFromEnv(env, 'RUNGS_WS_MESSAGE_BURST', 2000),
    bytesPerSecond: intFromEnv(env, 'RUNGS_WS_BYTES_PER_SECOND', 1024 * 1024),
    byteBurst: intFromEnv(env, 'RUNGS_WS_BYTE_BURST', 2 * maxMessageBytes),
    fullStatePerMinute: intFromEnv(env, 'RUNGS_WS_FULL_STATE_PER_MINUTE', 60),
    fullStateBurst: intFromEnv(env, 'RUNGS_WS_FULL_STATE_BURST', 5),
    maxQueuedMessages: intFromEnv(env, 'RUNGS_WS_MAX_QUEUED_MESSAGES', 1000),
    maxQueuedBytes: intFromEnv(env, 'RUNGS_WS_MAX_QUEUED_BYTES', 2 * maxMessageBytes),
    maxConnectionsPerUser: intFromEnv(env, 'RUNGS_WS_MAX_CONNECTIONS_PER_USER', 20),
    maxConnectionsPerDocument: intFromEnv(env, 'RUNGS_WS_MAX_CONNECTIONS_PER_DOCUMENT', 200),
    maxAwarenessClients: intFromEnv(env, 'RUNGS_WS_MAX_AWARENESS_CLIENTS', 4),
    maxAwarenessStateBytes: intFromEnv(env, 'RUNGS_WS_MAX_AWARENESS_STATE_BYTES', 8 * 1024),
  };
}

const MIN_METRICS_TOKEN_LENGTH = 16;

function loadOpsConfig(env: NodeJS.ProcessEnv, port: number): OpsConfig {
  const metricsToken = env.METRICS_TOKEN || null;
  if (metricsToken !== null && (metricsToken.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(metricsToken))) {
    throw new Error(
      `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces (e.g. \`openssl rand -hex 32\`)`,
    );
  }
  const metricsPort = env.METRICS_PORT ? intFromEnv(env, 'METRICS_PORT', 0) : null;
  if (metricsPort !== null && (metricsPort < 1 || metricsPort > 65535)) {
    throw new Error(`METRICS_PORT must be a port between 1 and 65535, got "${env.METRICS_PORT}"`);
  }
  if (metricsPort !== null && metricsPort === port) {
    throw new Error(`METRICS_PORT must differ from PORT (${port}): metrics get a listener of their own`);
  }
  const readyTimeoutMs = Math.max(1, intFromEnv(env, 'RUNGS_READY_TIMEOUT_MS', 2000));
  const shutdownGraceMs = intFromEnv(env, 'SHUTDOWN_GRACE_MS', 0);
  const shutdownTimeoutMs = intFromEnv(env, 'SHUTDOWN_TIMEOUT_MS', 30_000);
  if (shutdownTimeoutMs <= shutdownGraceMs) {
    throw new Error(
      `SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMs}) must be longer than SHUTDOWN_GRACE_MS (${shutdownGraceMs})`,
    );
  }
  return { metricsToken, metricsPort, readyTimeoutMs, shutdownGraceMs, shutdownTimeoutMs };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 3000);
  return {
    port,
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
      replayOffThreadAtLeast: intFromEnv(env, 'RUNGS_REPLAY_OFF_THREAD_AT_LEAST', 10_000),
      limits: loadConnectionLimits(env, intFromEnv(env, 'RUNGS_MAX_MESSAGE_BYTES', 2 * 1024 * 1024)),
    },
    ops: loadOpsConfig(env, port),
  };
}
