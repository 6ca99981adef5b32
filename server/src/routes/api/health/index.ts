import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const HealthResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  loadedDocuments: Type.Integer(),
});

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: HealthResponse } } },
    async () => {
      await sql`select 1`.execute(app.db);
      return {
        status: 'ok' as const,
        database: app.databaseKind,
        loadedDocuments: app.rooms.loadedRoomNames.length,
      };
    },
  );
};

export default healthRoutes;
