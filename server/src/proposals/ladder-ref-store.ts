import type { Kysely } from 'kysely';
import type { LadderRef } from '@rungs/shared/api/proposals';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** The ladder a proposal belongs to, as proposals need it: ids, names and the approvals to publish. */
export async function findLadderRef(db: Db, slug: string): Promise<LadderRef | undefined> {
  const row = await db
    .selectFrom('ladders')
    .select(['id', 'slug', 'title', 'track', 'required_approvals'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        slug: row.slug,
        title: row.title,
        track: row.track,
        requiredApprovals: row.required_approvals,
      }
    : undefined;
}

/** The approvals publishing needs now (read again under the ladder lock when publishing). */
export async function requiredApprovals(db: Db, ladderId: string): Promise<number> {
  const row = await db
    .selectFrom('ladders')
    .select('required_approvals')
    .where('id', '=', ladderId)
    .executeTakeFirstOrThrow();
  return row.required_approvals;
}

export async function setRequiredApprovals(db: Db, ladderId: string, approvals: number): Promise<void> {
  await db
    .updateTable('ladders')
    .set({ required_approvals: approvals, updated_at: new Date().toISOString() })
    .where('id', '=', ladderId)
    .execute();
}

/** The ladder's listed title and track (inside the publishing transaction). */
export async function renameLadder(
  db: Db,
  ladderId: string,
  change: { title?: string; track?: string },
): Promise<void> {
  await db.updateTable('ladders').set(change).where('id', '=', ladderId).execute();
}

/** The ladders listed in the overview (not archived), by title. */
export async function listedLadders(db: Db): Promise<Array<{ id: string; slug: string }>> {
  return db
    .selectFrom('ladders')
    .select(['id', 'slug'])
    .where('archived_at', 'is', null)
    .orderBy('title')
    .execute();
}
