import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { InvitationsTable, UsersTable } from '../db/schema.ts';

export type UserRow = Selectable<UsersTable>;

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function anyUserExists(db: Db): Promise<boolean> {
  const rows = await db.selectFrom('users').select('id').limit(1).execute();
  return rows.length > 0;
}

/** Everyone, by name. */
export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('name').execute();
}

/** By the email as stored (normalized). */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUserById(db: Db, id: string): Promise<UserRow> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/**
 * Marks the first run as done by `userId`. The marker's primary key admits one row: of two
 * first-run setups racing, the second one's insert fails with a unique violation.
 */
export async function insertFirstRunMarker(db: Db, userId: string, completedAt: string): Promise<void> {
  await db
    .insertInto('first_run')
    .values({ step: 'admin', user_id: userId, completed_at: completedAt })
    .execute();
}

export async function insertInvitation(db: Db, row: Insertable<InvitationsTable>): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** The invitation with the invited user's email and name, whatever its state. */
export async function findInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select(['users.email', 'users.name', 'invitations.expires_at', 'invitations.accepted_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/**
 * Claims a pending, unexpired invitation in one conditional update and returns whom it invited,
 * or undefined: of two concurrent claims only one changes the row (PostgreSQL re-checks the
 * condition after the other commits).
 */
export async function claimInvitation(db: Db, tokenHash: string, now: string): Promise<string | undefined> {
  const claimed = await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return claimed?.user_id;
}
