import { apiRequest } from './client.ts';
import type { Role } from '@rungs/shared/api/roles';
import type { SessionInfo } from '@rungs/shared/api/session';
import type { UserAccount } from '@rungs/shared/api/users';

export { ROLES } from '@rungs/shared/api/roles';
export type { UserAccount };

/** What each role may do, in the words the admin page and account menu use. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages users, roles and ladder settings; edits everything.',
  editor: 'Creates ladders and proposals, and edits them.',
  reviewer: 'Reads drafts, comments, approves or requests changes.',
  viewer: 'Reads published ladders.',
};

export async function listUsers(signal?: AbortSignal): Promise<UserAccount[]> {
  return (await apiRequest<{ users: UserAccount[] }>('/users', { signal })).users;
}

/** Without a password the account is an invitation: share `invitationPath` with the person. */
export function createUser(input: {
  email: string;
  name: string;
  role: Role;
  password?: string;
}): Promise<{ user: UserAccount; invitationPath?: string }> {
  return apiRequest('/users', { method: 'POST', body: input });
}

export async function updateUser(
  id: string,
  patch: { role?: Role; disabled?: boolean; name?: string },
): Promise<UserAccount> {
  return (
    await apiRequest<{ user: UserAccount }>(`/users/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: patch,
    })
  ).user;
}

export function getInvitation(token: string, signal?: AbortSignal): Promise<{ email: string; name: string }> {
  return apiRequest(`/invitations/${encodeURIComponent(token)}`, { signal, quiet401: true });
}

/** Sets the invited account's password and signs it in. */
export function acceptInvitation(
  token: string,
  input: { password: string; name?: string },
): Promise<SessionInfo> {
  return apiRequest(`/invitations/${encodeURIComponent(token)}/accept`, {
    method: 'POST',
    body: input,
    quiet401: true,
  });
}

/** The full link to an invitation, from the path the server returns. */
export function invitationUrl(invitationPath: string): string {
  return new URL(invitationPath, location.origin).toString();
}
