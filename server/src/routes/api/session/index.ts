import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { verifyPassword } from '../../../auth/passwords.ts';
import type { Role } from '../../../auth/roles.ts';
import { normalizeEmail } from '../../../auth/user-service.ts';
import { describeRetryAfter } from '../../../auth/login-limiter.ts';
import { recordAudit } from '../../../audit/audit-log.ts';
import { HttpError } from '../../../plugins/errors.ts';
import { SESSION_COOKIE } from '../../../plugins/auth.ts';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { LoginBody, SessionResponse } from '@rungs/shared/api/session';

const INVALID = 'That email and password do not match an active account.';

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/session',
    { config: { access: 'public' }, schema: { tags: ['session'], response: { 200: SessionResponse } } },
    async (request) => ({
      user: request.user,
      csrfToken: request.csrfToken,
      needsSetup: request.user ? false : (await app.users.count()) === 0,
    }),
  );

  app.post(
    '/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        body: LoginBody,
        response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      // Counted before the password is checked, so concurrent guesses can't pass the limit.
      const attempt = await app.loginLimiter.attempt(email, request.ip);
      if (!attempt.allowed) {
        reply.header('retry-after', String(attempt.retryAfterSeconds));
        throw new HttpError(
          429,
          'too_many_attempts',
          `Too many sign-in attempts for this account or from this address. ${describeRetryAfter(attempt.retryAfterSeconds)}`,
        );
      }
      const user = await app.users.findByEmail(email);
      const ok = await verifyPassword(request.body.password, user?.password_hash ?? null);
      if (!user || !ok || user.disabled_at !== null) {
        await recordAudit(app.db, {
          actor: null,
          action: 'auth.login_failed',
          target: `email:${email}`,
          ip: request.ip,
        });
        throw new HttpError(401, 'invalid_credentials', INVALID);
      }
      await app.loginLimiter.succeeded(email, request.ip);
      const session = await app.sessions.create(user.id);
      app.setSessionCookie(reply, request, session.token, session.expiresAt);
      await recordAudit(app.db, {
        actor: { id: user.id, label: user.email },
        action: 'auth.login',
        target: `user:${user.id}`,
        ip: request.ip,
      });
      return {
        user: { id: user.id, email: user.email, name: user.name, role: user.role as Role },
        csrfToken: session.csrfToken,
        needsSetup: false,
      };
    },
  );

  app.delete(
    '/session',
    {
      config: { access: 'readPublished' },
      schema: { tags: ['session'], response: { 204: { type: 'null' } } },
    },
    async (request, reply) => {
      if (request.sessionId) {
        await app.sessions.destroy(request.sessionId);
        app.rooms.closeSessionConnections(request.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      await recordAudit(app.db, {
        actor: { id: request.user!.id, label: request.user!.email },
        action: 'auth.logout',
        target: `user:${request.user!.id}`,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
};

export default sessionRoutes;
