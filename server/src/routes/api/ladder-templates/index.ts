import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LadderTemplateListResponse } from '@rungs/shared/api/ladder-templates';
import { LADDER_TEMPLATES, summarizeTemplate } from '@rungs/shared/templates/index';

/** The starting points "New ladder" offers (`POST /api/ladders` with `template: id`). */
const ladderTemplatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const templates = LADDER_TEMPLATES.map(summarizeTemplate);

  app.get(
    '/ladder-templates',
    {
      config: { access: 'readPublished' },
      schema: { tags: ['ladders'], response: { 200: LadderTemplateListResponse } },
    },
    async () => ({ templates }),
  );
};

export default ladderTemplatesRoutes;
