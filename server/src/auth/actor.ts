import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../domain-errors.ts';
import { actorUserId } from './system-actor.ts';
import type { Actor } from './user-service.ts';

/** The one way a route names who acts: the signed-in user and where the request came from. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new UnauthenticatedError('unauthenticated', 'Sign in to do this.');
  return { user: request.user, ip: request.ip };
}

/** How the audit log names an actor (Rungs itself is `system`). */
export function auditActor(actor: Actor): { id: string; label: string } {
  return { id: actorUserId(actor) ?? 'system', label: actor.user.email };
}
