import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';

/**
 * The OpenAPI document of the REST API, built from every route's TypeBox schema and served at
 * GET /api/openapi.json. Register before the routes: it collects them as they are added.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Rungs API',
          version: '1',
          description:
            'Career ladders with live co-editing, proposals, review and a published version history. ' +
            'Errors are `{ error: { code, message } }`. Sign in with POST /api/session (http-only cookie); ' +
            'state-changing requests carry the `x-csrf-token` header from the session.',
        },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'rungs_session' },
            csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          },
        },
        tags: [
          { name: 'ladders', description: 'Ladders and their settings' },
          { name: 'proposals', description: 'Change requests: live branches, verdicts, publishing' },
          { name: 'comments', description: 'Threaded comments on proposals and cells' },
          { name: 'versions', description: 'The published line: history, diffs, compare levels, restore' },
          { name: 'notifications', description: 'What awaits the signed-in user' },
        ],
      },
    });

    app.get(
      '/api/openapi.json',
      { config: { access: 'public' }, schema: { hide: true, tags: ['meta'] } },
      async () => app.swagger(),
    );
  },
  { name: 'openapi' },
);
