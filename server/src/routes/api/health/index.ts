import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  loadedDocuments: Type.Integer(),
  draining: Type.Boolean(),
});

/**
 * Liveness: the process is up and its event loop answers. Touches no database or Redis, so an
 * outage of either never gets healthy instances restarted; `/api/ready` is the probe for those.
 */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Liveness: answers while the process runs, without touching the database',
        response: { 200: HealthResponse },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: app.databaseKind,
      loadedDocuments: app.rooms.loadedRoomNames.length,
      draining: app.readiness.isDraining,
    }),
  );
};

export default healthRoutes;
