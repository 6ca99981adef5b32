import type { Kysely } from 'kysely';
import { binaryType, dialectOf } from './dialect-helpers.ts';

/**
 * Proposals (live, co-edited branches of a ladder), the published versions they merge into,
 * review verdicts, comments, and what each user has seen of their notifications.
 * Existing editable documents (kind 'draft') become proposal #1 of their ladder.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const autoId =
    dialectOf(db) === 'postgres'
      ? (c: any) => c.primaryKey().generatedByDefaultAsIdentity()
      : (c: any) => c.primaryKey().autoIncrement();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ladder_id', 'text', (c) => c.notNull().references('ladders.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('document_name', 'text', (c) => c.notNull().unique().references('documents.name'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    // draft | open | changes_requested | approved | merged | closed
    .addColumn('state', 'text', (c) => c.notNull())
    // The published version it forked from (0: none yet); "update from published" moves it.
    .addColumn('base_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('restored_from_version', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('merged_at', 'text')
    .addColumn('merged_by', 'text', (c) => c.references('users.id'))
    .addColumn('merged_version', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('proposals_ladder_number_unique', ['ladder_id', 'number'])
    .execute();
  await db.schema
    .createIndex('proposals_ladder_state_idx')
    .on('proposals')
    .columns(['ladder_id', 'state'])
    .execute();
  await db.schema.createIndex('proposals_author_idx').on('proposals').column('author_id').execute();

  await db.schema
    .createTable('versions')
    .addColumn('ladder_id', 'text', (c) => c.notNull().references('ladders.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('yjs_state', binaryType(db), (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'text', (c) => c.references('users.id'))
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('approver_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('proposal_id', 'text', (c) => c.references('proposals.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('versions_pk', ['ladder_id', 'number'])
    .execute();

  await db.schema
    .createTable('proposal_verdicts')
    .addColumn('id', 'integer', autoId)
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    // approve | request_changes
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    // Fingerprint of the proposal document the reviewer saw; stale once the document changes.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('proposal_verdicts_proposal_idx')
    .on('proposal_verdicts')
    .column('proposal_id')
    .execute();
  await db.schema
    .createIndex('proposal_verdicts_reviewer_idx')
    .on('proposal_verdicts')
    .column('reviewer_id')
    .execute();

  await db.schema
    .createTable('proposal_comments')
    .addColumn('id', 'integer', autoId)
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('proposal_comments.id'))
    // `levelId:competencyId` for a comment on one cell; null for the proposal as a whole.
    .addColumn('cell_key', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .addColumn('deleted_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('proposal_comments_proposal_idx')
    .on('proposal_comments')
    .column('proposal_id')
    .execute();
  await db.schema
    .createIndex('proposal_comments_parent_idx')
    .on('proposal_comments')
    .column('parent_id')
    .execute();

  await db.schema
    .createTable('notification_reads')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();

  // Editable documents made before proposals existed become proposal #1, #2… of their ladder.
  const drafts = await db
    .selectFrom('documents')
    .innerJoin('ladders', 'ladders.id', 'documents.ladder_id')
    .select(['documents.name', 'documents.ladder_id', 'documents.created_at', 'ladders.title'])
    .where('documents.kind', '=', 'draft')
    .orderBy('documents.created_at')
    .orderBy('documents.name')
    .execute();
  const numbers = new Map<string, number>();
  for (const d of drafts) {
    const number = (numbers.get(d.ladder_id) ?? 0) + 1;
    numbers.set(d.ladder_id, number);
    await db
      .insertInto('proposals')
      .values({
        id: `proposal-${d.name}`,
        ladder_id: d.ladder_id,
        number,
        document_name: d.name,
        title: number === 1 ? `First version of ${d.title}` : `Draft ${number}`,
        description: '',
        author_id: null,
        state: 'draft',
        base_version: 0,
        created_at: d.created_at,
        updated_at: d.created_at,
      })
      .execute();
  }
  await db.updateTable('documents').set({ kind: 'proposal' }).where('kind', '=', 'draft').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('documents').set({ kind: 'draft' }).where('kind', '=', 'proposal').execute();
  for (const t of ['notification_reads', 'proposal_comments', 'proposal_verdicts', 'versions', 'proposals']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
