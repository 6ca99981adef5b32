import { randomBytes } from 'node:crypto';
import { BENCH_REDIS_URL, createPostgresDatabase, type BenchDatabase } from './postgres.ts';
import type { ServerOptions } from './process.ts';
import { startRungs } from './rungs.ts';
import type { BenchServer } from './types.ts';

export interface RungsCluster {
  /** Instance A, B, …; documents are created on the first, and any instance serves them. */
  instances: BenchServer[];
  database: BenchDatabase;
  redisPrefix: string;
  stop(): Promise<void>;
}

/**
 * `instances` Rungs processes on one fresh PostgreSQL database, fanning out through Redis under a
 * prefix of their own. With `instances: 1` and no Redis, one Rungs process on PostgreSQL.
 */
export async function startRungsCluster(
  options: ServerOptions & { instances: number; redis?: boolean; env?: Record<string, string> },
): Promise<RungsCluster> {
  const database = await createPostgresDatabase();
  const redisPrefix = `rungs-bench-${randomBytes(4).toString('hex')}`;
  const env = {
    ...options.env,
    ...(options.redis === false ? {} : { REDIS_URL: BENCH_REDIS_URL, RUNGS_REDIS_PREFIX: redisPrefix }),
  };
  const instances: BenchServer[] = [];
  const stop = async () => {
    await Promise.all(instances.map((s) => s.stop().catch(() => {})));
    await database.drop();
  };
  try {
    for (let i = 0; i < options.instances; i++) {
      const label = options.instances === 1 ? 'Rungs' : `Rungs ${String.fromCharCode(65 + i)}`;
      // One at a time: the first runs the migrations.
      instances.push(await startRungs({ ...options, databaseUrl: database.url, env, label }));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { instances, database, redisPrefix, stop };
}
