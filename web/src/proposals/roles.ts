import type { Role } from '../api/session.ts';

/** Roles that read proposals, comment and give verdicts (the server enforces it). */
export function canReview(role: Role | undefined): boolean {
  return role === 'admin' || role === 'editor' || role === 'reviewer';
}
