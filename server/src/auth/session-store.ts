import type { Db } from '../db/connect.ts';
import type { Role, SessionUser } from './roles.ts';
import { hashToken, randomToken } from './tokens.ts';

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

/** Server-side sessions: the cookie holds a random token, the table its hash. */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  async create(userId: string): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomToken();
    const csrfToken = randomToken(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
    return { token, csrfToken, expiresAt };
  }

  /** The session's user, or null when unknown, expired or the user is disabled. */
  async lookup(token: string): Promise<ActiveSession | null> {
    return this.lookupById(hashToken(token));
  }

  /** As `lookup`, by the hash a session is known by (what connections keep). */
  async lookupById(idHash: string): Promise<ActiveSession | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id_hash',
        'sessions.csrf_token',
        'sessions.expires_at',
        'users.id',
        'users.email',
        'users.name',
        'users.role',
        'users.disabled_at',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row || row.disabled_at !== null) return null;
    const expiresAt = new Date(row.expires_at);
    if (expiresAt.getTime() <= Date.now()) {
      await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return null;
    }
    return {
      idHash,
      csrfToken: row.csrf_token,
      expiresAt,
      user: { id: row.id, email: row.email, name: row.name, role: row.role as Role },
    };
  }

  async destroy(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async destroyAllFor(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
}
