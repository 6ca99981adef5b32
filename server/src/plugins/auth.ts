import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../config.ts';
import { roleAllows } from '../auth/roles.ts';
import { SessionStore } from '../auth/session-store.ts';
import { UserService } from '../auth/user-service.ts';
import { Redis } from 'ioredis';
import { logRedisOutages } from '../ops/outage-log.ts';
import { LoginLimiter } from '../auth/login-limiter.ts';
import { HttpError } from './errors.ts';

export const SESSION_COOKIE = 'rungs_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
    users: UserService;
    loginLimiter: LoginLimiter;
    /** Every /api route with the access it declares (the authorization test checks it covers them all). */
    apiRoutes: Array<{ method: string; url: string; access: string }>;
    setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: Date): void;
  }
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions from an http-only cookie, CSRF tokens on state-changing requests, and the access
 * check every /api route declares (`config.access`). A route without one fails at startup.
 */
export default fp<{ auth: AuthConfig; redisUrl: string | null; redisPrefix: string }>(
  async (app, opts) => {
    await app.register(cookie);
    const sessions = new SessionStore(app.db, opts.auth.sessionTtlMs);
    app.decorate('sessions', sessions);
    app.decorate(
      'users',
      new UserService(app.db, sessions, (userId) => app.rooms.closeUserConnections(userId)),
    );
    app.decorate('loginLimiter', await createLoginLimiter(app, opts));
    app.decorate(
      'setSessionCookie',
      (reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: Date) => {
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          expires: expiresAt,
        });
      },
    );
    app.decorateRequest('user', null);
    app.decorateRequest('sessionId', null);
    app.decorateRequest('sessionExpiresAt', null);
    app.decorateRequest('csrfToken', null);

    // Forms can post text/plain cross-site without a preflight; only JSON bodies are accepted.
    app.removeContentTypeParser('text/plain');

    const apiRoutes: Array<{ method: string; url: string; access: string }> = [];
    app.decorate('apiRoutes', apiRoutes);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) return;
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        if (!route.config?.access)
          throw new Error(`Route ${method} ${route.url} does not declare config.access`);
        apiRoutes.push({ method, url: route.url, access: route.config.access });
      }
    });

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await sessions.lookup(token);
      if (!session) return;
      request.user = session.user;
      request.sessionId = session.idHash;
      request.sessionExpiresAt = session.expiresAt.getTime();
      request.csrfToken = session.csrfToken;
    });

    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config?.access;
      if (!access) return;
      if (request.user && STATE_CHANGING.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (sent !== request.csrfToken) {
          throw new HttpError(
            403,
            'csrf',
            'This request is missing its security token. Reload the page and try again.',
          );
        }
      }
      if (access === 'public') return;
      if (!request.user) throw new HttpError(401, 'unauthenticated', 'Sign in to do this.');
      if (!roleAllows(request.user.role, access)) {
        throw new HttpError(
          403,
          'forbidden',
          `Your role (${request.user.role}) does not allow this. Ask an admin if you need it.`,
        );
      }
    });
  },
  { name: 'auth', dependencies: ['database', 'collab'] },
);

/** Login limits in memory, or shared by every instance through Redis when it is configured. */
async function createLoginLimiter(
  app: FastifyInstance,
  opts: { auth: AuthConfig; redisUrl: string | null; redisPrefix: string },
): Promise<LoginLimiter> {
  const limits = {
    windowMs: opts.auth.loginWindowMs,
    maxPerAccount: opts.auth.maxFailuresPerAccount,
    maxPerAddress: opts.auth.maxFailuresPerAddress,
  };
  if (!opts.redisUrl) return new LoginLimiter(limits);
  // No offline queue: while Redis is unreachable, counting falls back to memory at once.
  const client = new Redis(opts.redisUrl, { lazyConnect: true, enableOfflineQueue: false });
  logRedisOutages(client, app.log, 'login limiter (counting in memory meanwhile)');
  await client.connect().catch(() => {}); // logged once by logRedisOutages
  app.addHook('onClose', async () => {
    await client.quit().catch(() => client.disconnect());
  });
  return new LoginLimiter(limits, { client, keyPrefix: opts.redisPrefix });
}
