import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { SessionResponse } from '@rungs/shared/api/session';

const SetupBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

/** First run: create the first admin while there are no accounts, and sign them in. */
const setupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['session'], response: { 200: Type.Object({ needsSetup: Type.Boolean() }) } },
    },
    async () => ({ needsSetup: (await app.users.count()) === 0 }),
  );

  app.post(
    '/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        body: SetupBody,
        response: { 201: SessionResponse, 400: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await app.users.createFirstAdmin(request.body, request.ip);
      const session = await app.sessions.create(user.id);
      app.setSessionCookie(reply, request, session.token, session.expiresAt);
      return reply.status(201).send({
        user: { id: user.id, email: user.email, name: user.name, role: user.role },
        csrfToken: session.csrfToken,
        needsSetup: false,
      });
    },
  );
};

export default setupRoutes;
