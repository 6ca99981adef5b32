import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../auth/actor.ts';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { NotificationListResponse } from '@rungs/shared/api/notifications';

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
          200: NotificationListResponse,
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
