import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/user-service.ts';
import { HttpError } from '../plugins/errors.ts';

/** The signed-in user behind a request (the access check already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new HttpError(401, 'unauthenticated', 'Sign in to do this.');
  return { user: request.user, ip: request.ip };
}
