import { randomBytes } from 'node:crypto';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from './databases.ts';
import { startServer, type ServerProcess } from './server-process.ts';

export interface Cluster {
  db: TestDatabase;
  one: ServerProcess;
  two: ServerProcess;
  /** The Redis key prefix (and client-name prefix) of this cluster alone. */
  prefix: string;
  stop(): Promise<void>;
}

/** Two `rungs serve` processes on a fresh PostgreSQL database, sharing Redis under a prefix of their own. */
export async function startCluster(tag: string): Promise<Cluster> {
  const db = await createTestDatabase('postgres');
  const prefix = `rungs-${tag}-${randomBytes(4).toString('hex')}`;
  const env = { REDIS_URL: TEST_REDIS_URL, RUNGS_REDIS_PREFIX: prefix };
  const [one, two] = await Promise.all([
    startServer({ databaseUrl: db.url, env }),
    startServer({ databaseUrl: db.url, env }),
  ]);
  return {
    db,
    one,
    two,
    prefix,
    async stop() {
      await Promise.all([one.stop(), two.stop()]);
      await db.drop();
    },
  };
}
