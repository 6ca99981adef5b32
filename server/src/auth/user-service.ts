import { newId } from '@rungs/shared';
import type { Db } from '../db/connect.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { HttpError, notFound } from '../plugins/errors.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { Role, SessionUser } from './roles.ts';
import type { SessionStore } from './session-store.ts';
import { hashToken, randomToken } from './tokens.ts';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  invited: boolean;
  createdAt: string;
}

export interface Actor {
  user: SessionUser;
  ip: string | null;
}

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Accounts: creation, invitations, roles and revocation. Every change lands in the audit log. */
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    /** Ends live connections of a revoked user (websockets). */
    private readonly onRevoked: (userId: string) => void,
  ) {}

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(): Promise<UserView[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('name').execute();
    return rows.map(toView);
  }

  async findByEmail(email: string) {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', normalizeEmail(email))
      .executeTakeFirst();
  }

  /**
   * The first-run admin: only while there are no users at all. Two setups racing each insert a
   * user, but only one can insert the `first_run` marker (its primary key); the other rolls back.
   */
  async createFirstAdmin(
    input: { email: string; name: string; password: string },
    ip: string | null,
  ): Promise<UserView> {
    const alreadySetUp = () =>
      new HttpError(409, 'already_set_up', 'Rungs already has an admin. Sign in instead.');
    if ((await this.count()) > 0) throw alreadySetUp();
    const row = await newUserRow({ ...input, role: 'admin' });
    try {
      await this.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('users').select('id').limit(1).execute();
        if (existing.length > 0) throw alreadySetUp();
        await trx.insertInto('users').values(row).execute();
        await trx
          .insertInto('first_run')
          .values({ step: 'admin', user_id: row.id, completed_at: row.created_at })
          .execute();
        await recordAudit(trx, {
          actor: { id: row.id, label: row.email },
          action: 'user.created',
          target: `user:${row.id}`,
          details: { role: 'admin', firstRun: true },
          ip,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadySetUp();
      throw err;
    }
    return toView(row);
  }

  /** Creates an account with a password, or (without one) an invitation to share. */
  async create(
    input: { email: string; name: string; role: Role; password?: string },
    actor: Actor | null,
  ): Promise<{ user: UserView; invitationToken?: string }> {
    const email = normalizeEmail(input.email);
    if (await this.findByEmail(email)) {
      throw new HttpError(
        409,
        'email_taken',
        `An account for ${email} already exists; change its role instead.`,
      );
    }
    const row = await newUserRow({ ...input, email });
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values(row).execute();
      let invitationToken: string | undefined;
      if (!input.password) {
        invitationToken = randomToken();
        const now = new Date();
        await trx
          .insertInto('invitations')
          .values({
            token_hash: hashToken(invitationToken),
            user_id: row.id,
            created_by: actor?.user.id ?? 'system',
            created_at: now.toISOString(),
            expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
            accepted_at: null,
          })
          .execute();
      }
      await recordAudit(trx, {
        actor: actor ? { id: actor.user.id, label: actor.user.email } : null,
        action: invitationToken ? 'user.invited' : 'user.created',
        target: `user:${row.id}`,
        details: { email, role: input.role },
        ip: actor?.ip ?? null,
      });
      return { user: toView(row), invitationToken };
    });
  }

  async invitation(token: string): Promise<{ email: string; name: string }> {
    const row = await this.db
      .selectFrom('invitations')
      .innerJoin('users', 'users.id', 'invitations.user_id')
      .select(['users.email', 'users.name', 'invitations.expires_at', 'invitations.accepted_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (!row || row.accepted_at || new Date(row.expires_at).getTime() < Date.now()) {
      throw new HttpError(
        404,
        'invitation_invalid',
        'This invitation link is not valid any more. Ask your admin for a new one.',
      );
    }
    return { email: row.email, name: row.name };
  }

  async acceptInvitation(
    token: string,
    password: string,
    name: string | undefined,
    ip: string | null,
  ): Promise<UserView> {
    const problem = passwordProblem(password);
    if (problem) throw new HttpError(400, 'weak_password', problem);
    const passwordHash = await hashPassword(password);
    const invalid = () =>
      new HttpError(
        404,
        'invitation_invalid',
        'This invitation link is not valid any more. Ask your admin for a new one.',
      );
    return this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      // Claims the invitation in one conditional update: of two concurrent acceptances only one
      // changes the row (PostgreSQL re-checks the condition after the other commits).
      const claimed = await trx
        .updateTable('invitations')
        .set({ accepted_at: now })
        .where('token_hash', '=', hashToken(token))
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      if (!claimed) throw invalid();
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, ...(name?.trim() ? { name: name.trim() } : {}) })
        .where('id', '=', claimed.user_id)
        .execute();
      const user = await trx
        .selectFrom('users')
        .selectAll()
        .where('id', '=', claimed.user_id)
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: { id: user.id, label: user.email },
        action: 'user.invitation_accepted',
        target: `user:${user.id}`,
        ip,
      });
      return toView(user);
    });
  }

  async update(
    userId: string,
    patch: { role?: Role; disabled?: boolean; name?: string },
    actor: Actor,
  ): Promise<UserView> {
    const before = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!before) throw notFound('User');
    if (userId === actor.user.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new HttpError(
        400,
        'self_lockout',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? now : null } : {}),
        })
        .where('id', '=', userId)
        .execute();
      const audit = (action: string, details: Record<string, unknown>) =>
        recordAudit(trx, {
          actor: { id: actor.user.id, label: actor.user.email },
          action,
          target: `user:${userId}`,
          details,
          ip: actor.ip,
        });
      if (patch.role !== undefined && patch.role !== before.role) {
        await audit('user.role_changed', { email: before.email, from: before.role, to: patch.role });
      }
      if (patch.disabled === true && before.disabled_at === null)
        await audit('user.disabled', { email: before.email });
      if (patch.disabled === false && before.disabled_at !== null)
        await audit('user.enabled', { email: before.email });
    });
    // Role changes and disabling take effect at once: sessions end and websockets close, so the
    // next connection is checked against the new role.
    if ((patch.role !== undefined && patch.role !== before.role) || patch.disabled === true) {
      await this.sessions.destroyAllFor(userId);
      this.onRevoked(userId);
    }
    const after = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return toView(after);
  }
}

/** A validated user row with its password hashed, ready to insert (hashing stays out of transactions). */
async function newUserRow(input: { email: string; name: string; role: Role; password?: string }) {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new HttpError(400, 'weak_password', problem);
  }
  return {
    id: newId(),
    email: normalizeEmail(input.email),
    name: input.name.trim(),
    password_hash: input.password ? await hashPassword(input.password) : null,
    role: input.role,
    disabled_at: null,
    created_at: new Date().toISOString(),
  };
}

function toView(row: {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled_at: string | null;
  password_hash: string | null;
  created_at: string;
}): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    disabled: row.disabled_at !== null,
    invited: row.password_hash === null,
    createdAt: row.created_at,
  };
}
