import { emptyLadderContent, type LadderContent } from '@rungs/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export interface VersionRow {
  ladder_id: string;
  number: number;
  title: string;
  description: string;
  author_id: string | null;
  published_by: string | null;
  approver_ids: string;
  proposal_id: string | null;
  created_at: string;
}

export interface VersionWithState extends VersionRow {
  yjs_state: Uint8Array;
  content_json: string;
}

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
] as const;

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
