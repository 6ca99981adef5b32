import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { LaddersTable } from '../db/schema.ts';

export type LadderRow = Selectable<LaddersTable>;

export async function listLadders(db: Db, options: { includeArchived: boolean }): Promise<LadderRow[]> {
  let query = db.selectFrom('ladders').selectAll().orderBy('title');
  if (!options.includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function findLadderBySlug(db: Db, slug: string): Promise<LadderRow | undefined> {
  return db.selectFrom('ladders').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertLadder(db: Db, row: Insertable<LaddersTable>): Promise<void> {
  await db.insertInto('ladders').values(row).execute();
}

export async function updateLadder(db: Db, id: string, patch: Updateable<LaddersTable>): Promise<void> {
  await db.updateTable('ladders').set(patch).where('id', '=', id).execute();
}

/** The slugs taken by `base` itself and by its numbered variants (`base-2`, …). */
export async function slugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ladders')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((r) => r.slug);
}

/** Per live document, the time of its newest update still in the log (compacted ones are gone). */
export async function lastLoggedUpdates(
  db: Db,
  documentNames: string[],
): Promise<{ document_name: string; at: string | null }[]> {
  return db
    .selectFrom('doc_updates')
    .select(({ fn }) => ['document_name', fn.max('created_at').as('at')])
    .where('document_name', 'in', documentNames)
    .groupBy('document_name')
    .execute();
}

/** Per live document, when its snapshot was last compacted. */
export async function snapshotTimes(
  db: Db,
  documentNames: string[],
): Promise<{ document_name: string; at: string }[]> {
  return db
    .selectFrom('doc_snapshots')
    .select(['document_name', 'updated_at as at'])
    .where('document_name', 'in', documentNames)
    .execute();
}

/** Per ladder, the content and date of its latest published version (ladders never published: none). */
export async function latestPublishedContents(
  db: Db,
  ladderIds: string[],
): Promise<{ ladder_id: string; content_json: string; created_at: string }[]> {
  return db
    .selectFrom('versions')
    .select(['ladder_id', 'content_json', 'created_at'])
    .where('ladder_id', 'in', ladderIds)
    .where(({ eb, selectFrom, ref }) =>
      eb(
        'number',
        '=',
        selectFrom('versions as newer')
          .select(({ fn }) => fn.max('newer.number').as('n'))
          .where('newer.ladder_id', '=', ref('versions.ladder_id')),
      ),
    )
    .execute();
}
