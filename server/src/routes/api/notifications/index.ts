import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../auth/actor.ts';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { UserRefSchema } from '@rungs/shared/api/diff';

const NotificationSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union(
      ['review_requested', 'review_outdated', 'verdict', 'comment', 'reply'].map((k) => Type.Literal(k)),
      {
        description:
          'review_requested: awaits your review; review_outdated: changed since your verdict; verdict / comment: on your proposal; reply: in your thread.',
      },
    ),
    at: Type.String(),
    unread: Type.Boolean(),
    ladder: Type.Object({ slug: Type.String(), title: Type.String() }),
    proposal: Type.Object({ number: Type.Integer(), title: Type.String() }),
    actor: Type.Union([UserRefSchema, Type.Null()]),
    verdict: Type.Union([Type.Literal('approve'), Type.Literal('request_changes'), Type.Null()]),
    comment: Type.Union([
      Type.Object({
        id: Type.Integer(),
        cellKey: Type.Union([Type.String(), Type.Null()]),
        excerpt: Type.String(),
      }),
      Type.Null(),
    ]),
  },
  { title: 'Notification' },
);

const tags = ['notifications'];

/** What awaits the signed-in user: reviews to give, verdicts and comments on their proposals. */
const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        response: {
          200: Type.Object({
            notifications: Type.Array(NotificationSchema),
            unread: Type.Integer(),
            seenAt: Type.Union([Type.String(), Type.Null()]),
          }),
          401: ErrorResponse,
        },
      },
    },
    async (request) => app.notifications.forUser(actorOf(request).user),
  );

  app.post(
    '/notifications/seen',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Mark every notification up to now as seen',
        response: { 204: { type: 'null', description: 'Marked' }, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await app.notifications.markSeen(actorOf(request).user.id);
      return reply.status(204).send();
    },
  );
};

export default notificationsRoutes;
