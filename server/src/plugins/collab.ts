import fp from 'fastify-plugin';
import type { CollabConfig } from '../config.ts';
import { RedisFanout } from '../collab/fanout.ts';
import { DocumentStore } from '../collab/document-store.ts';
import { RoomManager } from '../collab/room-manager.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomManager;
    documents: DocumentStore;
  }
}

/** The live documents of this process and their durable store. */
export default fp<{ collab: CollabConfig; redisUrl: string | null; redisPrefix: string }>(
  async (app, opts) => {
    const store = new DocumentStore(app.db, {
      replayOffThreadAtLeast: opts.collab.replayOffThreadAtLeast,
    });
    const fanout = opts.redisUrl
      ? new RedisFanout(
          opts.redisUrl,
          opts.redisPrefix,
          (err) => app.log.error({ err }, 'redis fan-out error'),
          app.log,
        )
      : undefined;
    const rooms = new RoomManager(store, opts.collab, app.log, fanout);
    const metrics = app.metrics;
    rooms.events = {
      resync: (reason) => metrics.resyncs.inc({ reason }),
      fanoutMessage: (direction, kind) => metrics.fanoutMessages.inc({ direction, kind }),
      committed: (seconds, size) => {
        metrics.commitLatencySeconds.observe(seconds);
        metrics.commitBatchSize.observe(size);
      },
      refused: (reason) => metrics.refusedMessages.inc({ reason }),
    };
    await rooms.start();
    app.decorate('documents', store);
    app.decorate('rooms', rooms);
    // Runs before the database plugin's onClose (hooks run in reverse registration order).
    app.addHook('onClose', async () => {
      await rooms.shutdown();
      await fanout?.close();
    });
  },
  { name: 'collab', dependencies: ['database', 'metrics'] },
);
