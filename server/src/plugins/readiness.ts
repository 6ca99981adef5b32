import fp from 'fastify-plugin';
import { pingDatabase } from '../db/ping-store.ts';
import { Readiness } from '../ops/readiness.ts';
import { RedisProbe } from '../ops/redis-probe.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What `/api/ready` answers; `startDraining()` at the start of a shutdown. */
    readiness: Readiness;
  }
}

export interface ReadinessPluginOptions {
  redisUrl: string | null;
  timeoutMs: number;
}

/** Probes the database (and Redis when configured) for `/api/ready`; draining from the first close step on. */
export default fp<ReadinessPluginOptions>(
  async (app, opts) => {
    const redis = opts.redisUrl ? new RedisProbe(opts.redisUrl, opts.timeoutMs) : null;
    const readiness = new Readiness(
      {
        database: () => pingDatabase(app.db),
        redis: redis?.probe ?? null,
      },
      opts.timeoutMs,
    );
    app.decorate('readiness', readiness);
    app.addHook('preClose', async () => readiness.startDraining());
    app.addHook('onClose', async () => redis?.close());
  },
  { name: 'readiness', dependencies: ['database'] },
);
