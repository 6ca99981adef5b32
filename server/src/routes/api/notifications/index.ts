import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../auth/actor.ts';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { NotificationListResponse } from '@rungs/shared/api/notifications';

const tags = ['notifications'];

/** A comment every so often keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
const MAX_STREAMS_PER_USER = 20;

/** What awaits the signed-in user: reviews to give, verdicts and comments on their proposals. */
const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const streamsByUser = new Map<string, number>();
  const openStreams = new Set<() => void>();
  // Open streams would hold a graceful shutdown until its timeout: end them first.
  app.addHook('preClose', async () => {
    for (const end of [...openStreams]) end();
  });

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

  app.get(
    '/notifications/stream',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Server-sent events: `changed` whenever my notifications may have changed',
        description:
          'A text/event-stream that carries no data: on `changed`, ask `GET /api/notifications`. ' +
          `At most ${MAX_STREAMS_PER_USER} streams per user; it ends when the session does.`,
        response: { 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = actorOf(request).user;
      const open = streamsByUser.get(user.id) ?? 0;
      if (open >= MAX_STREAMS_PER_USER) {
        return reply.status(429).send({
          error: {
            code: 'too_many_streams',
            message: 'Too many open pages for this account. Close some tabs.',
          },
        });
      }
      streamsByUser.set(user.id, open + 1);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      res.write('retry: 5000\n\n');
      const unsubscribe = app.notificationSignals.subscribe(() => res.write('event: changed\ndata: {}\n\n'));
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      const expiresIn = request.sessionExpiresAt === null ? null : request.sessionExpiresAt - Date.now();
      const expiry =
        expiresIn === null
          ? undefined
          : setTimeout(() => end(), Math.min(Math.max(expiresIn, 0), 2 ** 31 - 1));
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        openStreams.delete(end);
        const left = (streamsByUser.get(user.id) ?? 1) - 1;
        if (left > 0) streamsByUser.set(user.id, left);
        else streamsByUser.delete(user.id);
        res.end();
      };
      openStreams.add(end);
      request.raw.on('close', end);
    },
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
