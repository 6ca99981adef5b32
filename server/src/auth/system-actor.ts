import type { Actor } from './user-service.ts';

/** Rungs itself: what the first run does before anyone has an account (the sample ladder). */
export const SYSTEM_ACTOR: Actor = {
  user: { id: 'system', email: 'rungs@localhost', name: 'Rungs', role: 'admin' },
  ip: null,
};

/** The user id to store in a `*_by` column: null when Rungs itself acted. */
export function actorUserId(actor: Actor): string | null {
  return actor === SYSTEM_ACTOR || actor.user.id === SYSTEM_ACTOR.user.id ? null : actor.user.id;
}
