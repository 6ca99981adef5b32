export const ROLES = ['admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * What each capability needs. The server's routes declare `config: { access: <capability> }` and
 * its access plugin enforces it; the websocket uses the same table, and the web app reads it.
 */
export const ACCESS = {
  /** Anyone, signed in or not (health, login, first-run setup). */
  public: null,
  /** Any signed-in user: published ladders, versions, diffs, own profile. */
  readPublished: ['admin', 'editor', 'reviewer', 'viewer'],
  /** Drafts and proposals (read). */
  readDrafts: ['admin', 'editor', 'reviewer'],
  /** Create ladders and proposals, edit drafts, publish. */
  edit: ['admin', 'editor'],
  /** Comment, approve, request changes. */
  review: ['admin', 'editor', 'reviewer'],
  /** Users, roles, ladder settings, audit log. */
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[] | null>;

export type Access = keyof typeof ACCESS;

export function roleAllows(role: Role | undefined, access: Access): boolean {
  const allowed = ACCESS[access];
  if (allowed === null) return true;
  return role !== undefined && (allowed as readonly Role[]).includes(role);
}
