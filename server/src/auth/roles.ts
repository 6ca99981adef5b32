import type { Access, SessionUser } from '@rungs/shared/api/roles';

export { ACCESS, ROLES, roleAllows, type Access, type Role, type SessionUser } from '@rungs/shared/api/roles';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: who may call it. */
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    sessionId: string | null;
    /** When the session ends (ms since the epoch); its websockets close then. */
    sessionExpiresAt: number | null;
  }
}
