import { emptyLadderContent, type LadderContent } from '@rungs/shared';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, VersionsTable } from '../db/schema.ts';

type Db = Kysely<Database>;

export type VersionWithState = Selectable<VersionsTable>;
/** A version without its (large) Yjs state and content. */
export type VersionRow = Omit<VersionWithState, 'yjs_state' | 'content_json'>;

const META = [
  'ladder_id',
  'number',
  'title',
  'description',
  'author_id',
  'published_by',
  'approver_ids',
  'proposal_id',
  'created_at',
] as const satisfies ReadonlyArray<keyof VersionRow>;

/**
 * Serialises writers of one ladder's published line (merges, new proposal numbers) until the
 * transaction ends. It must be the transaction's first statement: an UPDATE takes the row lock
 * on PostgreSQL (like SELECT … FOR UPDATE) and the write lock on SQLite, before anything is read.
 */
export async function lockLadder(trx: Db, ladderId: string, now = new Date().toISOString()): Promise<void> {
  const result = await trx
    .updateTable('ladders')
    .set({ updated_at: now })
    .where('id', '=', ladderId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`ladder ${ladderId} does not exist`);
}

export async function latestVersionNumber(db: Db, ladderId: string): Promise<number> {
  const row = await db
    .selectFrom('versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('ladder_id', '=', ladderId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function latestVersionNumbers(db: Db, ladderIds: string[]): Promise<Map<string, number>> {
  if (ladderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('versions')
    .select(['ladder_id', (eb) => eb.fn.max('number').as('n')])
    .where('ladder_id', 'in', ladderIds)
    .groupBy('ladder_id')
    .execute();
  return new Map(rows.map((r) => [r.ladder_id, Number(r.n)]));
}

export async function getVersion(
  db: Db,
  ladderId: string,
  number: number,
): Promise<VersionWithState | undefined> {
  return db
    .selectFrom('versions')
    .selectAll()
    .where('ladder_id', '=', ladderId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export async function latestVersion(db: Db, ladderId: string): Promise<VersionWithState | undefined> {
  return db
    .selectFrom('versions')
    .selectAll()
    .where('ladder_id', '=', ladderId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listVersions(db: Db, ladderId: string): Promise<VersionRow[]> {
  return db
    .selectFrom('versions')
    .select(META)
    .where('ladder_id', '=', ladderId)
    .orderBy('number', 'desc')
    .execute();
}

/** Records a published version (inside the publishing transaction). */
export async function insertVersion(trx: Db, version: Insertable<VersionsTable>): Promise<void> {
  await trx.insertInto('versions').values(version).execute();
}

/** The latest published version of each ladder: its number and when it was published. */
export async function latestVersionsOf(
  db: Db,
  ladderIds: string[],
): Promise<Map<string, { number: number; publishedAt: string }>> {
  const out = new Map<string, { number: number; publishedAt: string }>();
  if (ladderIds.length === 0) return out;
  const rows = await db
    .selectFrom('versions')
    .select(['ladder_id', 'number', 'created_at'])
    .where('ladder_id', 'in', ladderIds)
    .orderBy('number', 'desc')
    .execute();
  for (const r of rows) {
    if (!out.has(r.ladder_id)) out.set(r.ladder_id, { number: r.number, publishedAt: r.created_at });
  }
  return out;
}

/** Who approved each of these proposals, as the versions they were published as record it. */
export async function approversOfProposals(
  db: Db,
  ladderId: string,
  proposalIds: string[],
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (proposalIds.length === 0) return out;
  const rows = await db
    .selectFrom('versions')
    .select(['proposal_id', 'approver_ids'])
    .where('ladder_id', '=', ladderId)
    .where('proposal_id', 'in', proposalIds)
    .execute();
  for (const v of rows) if (v.proposal_id) out.set(v.proposal_id, new Set(approverIds(v)));
  return out;
}

/** The numbers of the proposals these versions were published from (by proposal id). */
export async function proposalNumbers(
  db: Db,
  ladderId: string,
  proposalIds: string[],
): Promise<Map<string, number>> {
  if (proposalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'number'])
    .where('ladder_id', '=', ladderId)
    .where('id', 'in', proposalIds)
    .execute();
  return new Map(rows.map((p) => [p.id, p.number]));
}

export function versionContent(row: { content_json: string } | undefined): LadderContent {
  return row ? (JSON.parse(row.content_json) as LadderContent) : emptyLadderContent('', '');
}

export function approverIds(row: { approver_ids: string }): string[] {
  try {
    const ids = JSON.parse(row.approver_ids) as unknown;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
