import { newId } from '@rungs/shared';
import type { Db } from '../db/connect.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { ConflictError, InvalidInputError, NotFoundError, notFoundError } from '../domain-errors.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { Role, SessionUser } from './roles.ts';
import type { SessionStore } from './session-store.ts';
import { hashToken, randomToken } from './tokens.ts';
import {
  anyUserExists,
  claimInvitation,
  countUsers,
  findInvitation,
  findUserByEmail,
  findUserById,
  getUserById,
  insertFirstRunMarker,
  insertInvitation,
  insertUser,
  listUsers,
  updateUser,
  type UserRow,
} from './user-store.ts';

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
    return countUsers(this.db);
  }

  async list(): Promise<UserView[]> {
    return (await listUsers(this.db)).map(toView);
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return findUserByEmail(this.db, normalizeEmail(email));
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
      new ConflictError('already_set_up', 'Rungs already has an admin. Sign in instead.');
    if ((await this.count()) > 0) throw alreadySetUp();
    const row = await newUserRow({ ...input, role: 'admin' });
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await anyUserExists(trx)) throw alreadySetUp();
        await insertUser(trx, row);
        await insertFirstRunMarker(trx, row.id, row.created_at);
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
      throw new ConflictError(
        'email_taken',
        `An account for ${email} already exists; change its role instead.`,
      );
    }
    const row = await newUserRow({ ...input, email });
    return this.db.transaction().execute(async (trx) => {
      await insertUser(trx, row);
      let invitationToken: string | undefined;
      if (!input.password) {
        invitationToken = randomToken();
        const now = new Date();
        await insertInvitation(trx, {
          token_hash: hashToken(invitationToken),
          user_id: row.id,
          created_by: actor?.user.id ?? 'system',
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
          accepted_at: null,
        });
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
    const row = await findInvitation(this.db, hashToken(token));
    if (!row || row.accepted_at || new Date(row.expires_at).getTime() < Date.now()) {
      throw new NotFoundError(
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
    if (problem) throw new InvalidInputError('weak_password', problem);
    const passwordHash = await hashPassword(password);
    const invalid = () =>
      new NotFoundError(
        'invitation_invalid',
        'This invitation link is not valid any more. Ask your admin for a new one.',
      );
    return this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const userId = await claimInvitation(trx, hashToken(token), now);
      if (userId === undefined) throw invalid();
      await updateUser(trx, userId, {
        password_hash: passwordHash,
        ...(name?.trim() ? { name: name.trim() } : {}),
      });
      const user = await getUserById(trx, userId);
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
    const before = await findUserById(this.db, userId);
    if (!before) throw notFoundError('User');
    if (userId === actor.user.id && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
      throw new InvalidInputError(
        'self_lockout',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, userId, {
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? now : null } : {}),
      });
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
    return toView(await getUserById(this.db, userId));
  }
}

/** A validated user row with its password hashed, ready to insert (hashing stays out of transactions). */
async function newUserRow(input: {
  email: string;
  name: string;
  role: Role;
  password?: string;
}): Promise<UserRow> {
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new InvalidInputError('weak_password', problem);
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

function toView(row: UserRow): UserView {
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
