import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ProposalCommentsTable } from '../db/schema.ts';

/** A comment with its ids as numbers (drivers may hand serial ids back as strings). */
export type CommentRow = Omit<Selectable<ProposalCommentsTable>, 'id' | 'parent_id'> & {
  id: number;
  parent_id: number | null;
};

function toCommentRow(row: Selectable<ProposalCommentsTable>): CommentRow {
  return { ...row, id: Number(row.id), parent_id: row.parent_id === null ? null : Number(row.parent_id) };
}

/** A proposal's comments (all threads, or those about one cell), oldest first. */
export async function listComments(
  db: Db,
  proposalId: string,
  filter: { cellKey?: string } = {},
): Promise<CommentRow[]> {
  let query = db.selectFrom('proposal_comments').selectAll().where('proposal_id', '=', proposalId);
  if (filter.cellKey !== undefined) query = query.where('cell_key', '=', filter.cellKey);
  return (await query.orderBy('id').execute()).map(toCommentRow);
}

export async function findComment(db: Db, proposalId: string, id: number): Promise<CommentRow | undefined> {
  const row = await db
    .selectFrom('proposal_comments')
    .selectAll()
    .where('id', '=', id)
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst();
  return row && toCommentRow(row);
}

/** Inserts the comment and returns its id. */
export async function insertComment(db: Db, comment: Insertable<ProposalCommentsTable>): Promise<number> {
  const inserted = await db
    .insertInto('proposal_comments')
    .values(comment)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function setCommentBody(db: Db, id: number, body: string, editedAt: string): Promise<void> {
  await db.updateTable('proposal_comments').set({ body, edited_at: editedAt }).where('id', '=', id).execute();
}

/** Deletes softly: the row stays (its thread stays readable) with an empty body. */
export async function markCommentDeleted(db: Db, id: number, deletedAt: string): Promise<void> {
  await db
    .updateTable('proposal_comments')
    .set({ body: '', deleted_at: deletedAt })
    .where('id', '=', id)
    .execute();
}

/** Resolves the thread whose first comment is `rootId` (by `resolution`), or reopens it (null). */
export async function setThreadResolution(
  db: Db,
  rootId: number,
  resolution: { at: string; by: string } | null,
): Promise<void> {
  await db
    .updateTable('proposal_comments')
    .set(
      resolution
        ? { resolved_at: resolution.at, resolved_by: resolution.by }
        : { resolved_at: null, resolved_by: null },
    )
    .where('id', '=', rootId)
    .execute();
}
