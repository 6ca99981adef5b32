import fp from 'fastify-plugin';
import type { CollabConfig } from '../config.ts';
import { DocumentStore } from '../collab/document-store.ts';
import { RoomManager } from '../collab/room-manager.ts';

declare module 'fastify' {
  interface FastifyInstance {
    rooms: RoomManager;
    documents: DocumentStore;
  }
}

/** The live documents of this process and their durable store. */
export default fp<{ collab: CollabConfig }>(
  async (app, opts) => {
    const store = new DocumentStore(app.db);
    const rooms = new RoomManager(store, opts.collab, app.log);
    app.decorate('documents', store);
    app.decorate('rooms', rooms);
    // Runs before the database plugin's onClose (hooks run in reverse registration order).
    app.addHook('onClose', async () => {
      await rooms.shutdown();
    });
  },
  { name: 'collab', dependencies: ['database'] },
);
