import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { actorOf } from '../../../auth/actor.ts';
import { SessionResponse } from '@rungs/shared/api/session';
import {
  CreateUserBody,
  TokenParams,
  UpdateUserBody,
  UserIdParams,
  UserSchema,
} from '@rungs/shared/api/users';

const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: { tags: ['users'], response: { 200: Type.Object({ users: Type.Array(UserSchema) }) } },
    },
    async () => ({ users: await app.users.list() }),
  );

  app.post(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        body: CreateUserBody,
        response: {
          201: Type.Object({ user: UserSchema, invitationPath: Type.Optional(Type.String()) }),
          400: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { user, invitationToken } = await app.users.create(request.body, actorOf(request));
      return reply.status(201).send({
        user,
        ...(invitationToken ? { invitationPath: `/invitations/${invitationToken}` } : {}),
      });
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: Type.Object({ user: UserSchema }), 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => ({ user: await app.users.update(request.params.id, request.body, actorOf(request)) }),
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['users'],
        params: TokenParams,
        response: { 200: Type.Object({ email: Type.String(), name: Type.String() }), 404: ErrorResponse },
      },
    },
    async (request) => app.users.invitation(request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags: ['users'],
        params: TokenParams,
        body: Type.Object(
          {
            password: Type.String({ minLength: 1, maxLength: 200 }),
            name: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await app.users.acceptInvitation(
        request.params.token,
        request.body.password,
        request.body.name,
        request.ip,
      );
      const session = await app.sessions.create(user.id);
      app.setSessionCookie(reply, request, session.token, session.expiresAt);
      return {
        user: { id: user.id, email: user.email, name: user.name, role: user.role },
        csrfToken: session.csrfToken,
        needsSetup: false,
      };
    },
  );
};

export default usersRoutes;
