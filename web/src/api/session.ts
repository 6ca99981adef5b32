import { apiRequest } from './client.ts';

export type Role = 'admin' | 'editor' | 'reviewer' | 'viewer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface SessionInfo {
  user: SessionUser | null;
  csrfToken: string | null;
  /** No account exists yet: the first visitor creates the first admin. */
  needsSetup: boolean;
}

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

/** Roles that may change drafts (the server enforces it; the UI only avoids offering it). */
export function canEdit(role: Role | undefined): boolean {
  return role === 'admin' || role === 'editor';
}
