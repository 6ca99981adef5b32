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
    collab: {
      maxMessageBytes: intFromEnv(env, 'RUNGS_MAX_MESSAGE_BYTES', 2 * 1024 * 1024),
      idleUnloadMs: intFromEnv(env, 'RUNGS_IDLE_UNLOAD_MS', 30_000),
      compactAfterUpdates: intFromEnv(env, 'RUNGS_COMPACT_AFTER_UPDATES', 500),
    },
  };
}
