import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LadderContentSchema, readLadderContent } from '@rungs/shared';
import { assertDocumentReadable } from '../../../auth/document-policy.ts';
import { ErrorResponses } from '@rungs/shared/api/errors';

const DocumentParams = Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' }) });

const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/documents/:name/content',
    {
      config: { access: 'readPublished' },
      schema: {
        tags: ['documents'],
        params: DocumentParams,
        summary: 'The current ladder of a live document (unpublished work: reviewers, editors and admins)',
        response: { 200: Type.Object({ content: LadderContentSchema }), ...ErrorResponses },
      },
    },
    async (request) => {
      const { name } = request.params;
      await assertDocumentReadable(app.db, request.user, name);
      return { content: await app.rooms.read(name, readLadderContent) };
    },
  );
};

export default documentsRoutes;
