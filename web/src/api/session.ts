import { roleAllows, type Role } from '@rungs/shared/api/roles';
import type { SessionInfo } from '@rungs/shared/api/session';
import { apiRequest } from './client.ts';

export type { Role, SessionUser } from '@rungs/shared/api/roles';
export type { SessionInfo };

export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/session', { signal });
}

export function signIn(email: string, password: string): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/session', { method: 'POST', body: { email, password }, quiet401: true });
}

export async function signOut(): Promise<void> {
  await apiRequest<void>('/session', { method: 'DELETE', quiet401: true });
}

export function createFirstAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<SessionInfo> {
  return apiRequest<SessionInfo>('/setup', { method: 'POST', body: input });
}

/** Roles that may change drafts, by the server's access table (it enforces it; the UI only avoids offering it). */
export function canEdit(role: Role | undefined): boolean {
  return roleAllows(role, 'edit');
}
