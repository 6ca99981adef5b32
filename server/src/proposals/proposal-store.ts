import { newId } from '@rungs/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProposalsTable } from '../db/schema.ts';
import { lockLadder } from '../versions/version-store.ts';
import { ACTIVE_STATES } from '../reviews/review-status.ts';

type Db = Kysely<Database>;
export type ProposalRow = Selectable<ProposalsTable>;

/**
 * `proposals.state` is the lifecycle stage only: draft, open, merged or closed. How the review
 * stands (changes requested, approved) follows the verdicts on the current document state and is
 * derived where it is read (`effectiveState`); rows written before this was so may still hold it.
 */
export type StoredState = 'draft' | 'open' | 'merged' | 'closed';

export interface NewProposal {
  ladderId: string;
  title: string;
  description: string;
  authorId: string | null;
  state: 'draft' | 'open';
  baseVersion: number;
  restoredFromVersion?: number | null;
  /** The document's first logged update: the fork of the published state (and any edits on it). */
  initialState: Uint8Array;
}

/**
 * Creates a proposal with its live document in `trx` (call it inside a transaction). Numbers are
 * per ladder and allocated under the ladder lock, so concurrent creations never collide.
 */
export async function insertProposal(trx: Db, input: NewProposal): Promise<ProposalRow> {
  const now = new Date().toISOString();
  await lockLadder(trx, input.ladderId, now);
  const max = await trx
    .selectFrom('proposals')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('ladder_id', '=', input.ladderId)
    .executeTakeFirst();
  const number = Number(max?.n ?? 0) + 1;
  const documentName = `doc-${newId()}`;
  await trx
    .insertInto('documents')
    .values({ name: documentName, ladder_id: input.ladderId, kind: 'proposal', created_at: now })
    .execute();
  await trx
    .insertInto('doc_updates')
    .values({ document_name: documentName, data: input.initialState, created_at: now })
    .execute();
  const row: ProposalRow = {
    id: newId(),
    ladder_id: input.ladderId,
    number,
    document_name: documentName,
    title: input.title,
    description: input.description,
    author_id: input.authorId,
    state: input.state,
    base_version: input.baseVersion,
    restored_from_version: input.restoredFromVersion ?? null,
    created_at: now,
    updated_at: now,
    opened_at: input.state === 'open' ? now : null,
    merged_at: null,
    merged_by: null,
    merged_version: null,
    closed_at: null,
    closed_by: null,
  };
  await trx.insertInto('proposals').values(row).execute();
  return row;
}

export async function findProposal(
  db: Db,
  ladderId: string,
  number: number,
): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('proposals')
    .selectAll()
    .where('ladder_id', '=', ladderId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export interface CommentCounts {
  comments: number;
  unresolvedThreads: number;
}

export async function commentCounts(db: Db, proposalIds: string[]): Promise<Map<string, CommentCounts>> {
  const out = new Map<string, CommentCounts>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .selectFrom('proposal_comments')
    .select(['proposal_id', 'parent_id', 'resolved_at'])
    .where('proposal_id', 'in', proposalIds)
    .where('deleted_at', 'is', null)
    .execute();
  for (const r of rows) {
    const c = out.get(r.proposal_id) ?? { comments: 0, unresolvedThreads: 0 };
    c.comments++;
    if (r.parent_id === null && r.resolved_at === null) c.unresolvedThreads++;
    out.set(r.proposal_id, c);
  }
  return out;
}

/** A ladder's proposals, newest first; `states` null means all of them. */
export async function listProposals(
  db: Db,
  ladderId: string,
  states: readonly string[] | null,
): Promise<ProposalRow[]> {
  let query = db.selectFrom('proposals').selectAll().where('ladder_id', '=', ladderId);
  if (states) query = query.where('state', 'in', [...states]);
  return query.orderBy('number', 'desc').execute();
}

/** The state of each proposal still in progress (draft or under review) of these ladders. */
export async function activeProposalStates(
  db: Db,
  ladderIds: string[],
): Promise<Array<{ ladder_id: string; state: string }>> {
  if (ladderIds.length === 0) return [];
  return db
    .selectFrom('proposals')
    .select(['ladder_id', 'state'])
    .where('ladder_id', 'in', ladderIds)
    .where('state', 'in', [...ACTIVE_STATES])
    .execute();
}

/** Whether each of these documents is read-only in SQL (where every group commit checks it). */
export async function documentsReadOnly(db: Db, names: string[]): Promise<Map<string, boolean>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['name', 'read_only'])
    .where('name', 'in', names)
    .execute();
  return new Map(rows.map((r) => [r.name, r.read_only !== 0]));
}

type ProposalChange = Partial<
  Pick<
    ProposalRow,
    | 'title'
    | 'description'
    | 'base_version'
    | 'opened_at'
    | 'merged_at'
    | 'merged_by'
    | 'merged_version'
    | 'closed_at'
    | 'closed_by'
  >
> & { state?: StoredState };

/** Changes a proposal's row (its `updated_at` becomes `now`). */
export async function updateProposal(db: Db, id: string, now: string, change: ProposalChange): Promise<void> {
  await db
    .updateTable('proposals')
    .set({ ...change, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Freezes or thaws a proposal's document in SQL: every instance's group commit reads the flag in
 * its own transaction, so edits still in flight anywhere are refused once it is set.
 */
export async function setDocumentReadOnly(db: Db, documentName: string, readOnly: boolean): Promise<void> {
  await db
    .updateTable('documents')
    .set({ read_only: readOnly ? 1 : 0 })
    .where('name', '=', documentName)
    .execute();
}
