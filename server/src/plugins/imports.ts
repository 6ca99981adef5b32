import fp from 'fastify-plugin';
import type { ImportsConfig } from '../config.ts';
import { ImportPool } from '../imports/import-pool.ts';

declare module 'fastify' {
  interface FastifyInstance {
    imports: ImportPool;
  }
}

/** The worker pool that parses imported documents off the event loop. */
export default fp<{ imports: ImportsConfig }>(
  async (app, opts) => {
    const pool = new ImportPool(opts.imports);
    app.decorate('imports', pool);
    app.addHook('onClose', async () => {
      await pool.close();
    });
  },
  { name: 'imports' },
);
