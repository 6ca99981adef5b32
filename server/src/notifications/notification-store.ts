import type { Db } from '../db/connect.ts';
import { REVIEW_STATES } from '../reviews/review-status.ts';

/** When the user last marked their notifications as seen (null: never). */
export async function findSeenAt(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('notification_reads')
    .select('seen_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.seen_at ?? null;
}

export async function saveSeenAt(db: Db, userId: string, at: string): Promise<void> {
  await db
    .insertInto('notification_reads')
    .values({ user_id: userId, seen_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ seen_at: at }))
    .execute();
}

/** Proposals in review on ladders not archived, except those `userId` wrote. */
export async function proposalsInReviewNotBy(db: Db, userId: string) {
  return db
    .selectFrom('proposals')
    .innerJoin('ladders', 'ladders.id', 'proposals.ladder_id')
    .select([
      'proposals.id',
      'proposals.number',
      'proposals.title',
      'proposals.author_id',
      'proposals.document_name',
      'proposals.opened_at',
      'proposals.updated_at',
      'ladders.slug',
      'ladders.title as ladder_title',
    ])
    .where('proposals.state', 'in', [...REVIEW_STATES])
    .where('ladders.archived_at', 'is', null)
    .where((eb) => eb.or([eb('proposals.author_id', 'is', null), eb('proposals.author_id', '!=', userId)]))
    .execute();
}

/** The verdicts `reviewerId` gave on these proposals, oldest first. */
export async function verdictsBy(db: Db, reviewerId: string, proposalIds: string[]) {
  return db
    .selectFrom('proposal_verdicts')
    .select(['proposal_id', 'fingerprint', 'created_at', 'id'])
    .where('reviewer_id', '=', reviewerId)
    .where('proposal_id', 'in', proposalIds)
    .orderBy('id')
    .execute();
}

/** What a notification shows of the proposal (`p`) and ladder (`l`) it is about. */
const PROPOSAL_AND_LADDER = ['p.number', 'p.title', 'l.slug', 'l.title as ladder_title'] as const;

/** Others' verdicts on proposals `authorId` wrote, newest first. */
export async function verdictsOnProposalsOf(db: Db, authorId: string, limit: number) {
  return db
    .selectFrom('proposal_verdicts as v')
    .innerJoin('proposals as p', 'p.id', 'v.proposal_id')
    .innerJoin('ladders as l', 'l.id', 'p.ladder_id')
    .select(['v.id', 'v.verdict', 'v.reviewer_id', 'v.created_at', ...PROPOSAL_AND_LADDER])
    .where('p.author_id', '=', authorId)
    .where('v.reviewer_id', '!=', authorId)
    .orderBy('v.id', 'desc')
    .limit(limit)
    .execute();
}

/** Others' comments that are not deleted, newest first, with their proposal and ladder. */
function othersComments(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('proposal_comments as c')
    .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
    .innerJoin('ladders as l', 'l.id', 'p.ladder_id')
    .select(['c.id', 'c.body', 'c.cell_key', 'c.author_id', 'c.created_at', ...PROPOSAL_AND_LADDER])
    .where('c.author_id', '!=', userId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.id', 'desc')
    .limit(limit);
}

/** Others' comments on proposals `userId` wrote, newest first. */
export async function commentsOnProposalsOf(db: Db, userId: string, limit: number) {
  return othersComments(db, userId, limit).where('p.author_id', '=', userId).execute();
}

/** Others' replies in threads `userId` started, newest first. */
export async function repliesInThreadsOf(db: Db, userId: string, limit: number) {
  return othersComments(db, userId, limit)
    .innerJoin('proposal_comments as root', 'root.id', 'c.parent_id')
    .where('root.author_id', '=', userId)
    .execute();
}
