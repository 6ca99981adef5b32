import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LadderContentSchema, readLadderContent } from '@rungs/shared';
import { notFound } from '../../../plugins/errors.ts';
import { ErrorResponse } from '../ladders/schema.ts';

const DocumentParams = Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' }) });

const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/documents/:name/content',
    {
      config: { access: 'readPublished' },
      schema: {
        tags: ['documents'],
        params: DocumentParams,
        response: { 200: Type.Object({ content: LadderContentSchema }), 404: ErrorResponse },
      },
    },
    async (request) => {
      const { name } = request.params;
      if (!(await app.documents.exists(name))) throw notFound(`Document "${name}"`);
      return { content: await app.rooms.read(name, readLadderContent) };
    },
  );
};

export default documentsRoutes;
