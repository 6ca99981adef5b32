import { roleAllows, type Role } from '@rungs/shared/api/roles';

/** Roles that read proposals, comment and give verdicts, by the server's access table (it enforces it). */
export function canReview(role: Role | undefined): boolean {
  return roleAllows(role, 'review');
}

/** Users, roles, ladder settings and the audit log, by the server's access table. */
export function canAdminister(role: Role | undefined): boolean {
  return roleAllows(role, 'admin');
}
