import type { Kysely } from 'kysely';
import { dialectOf } from '@rungs/migrations';

export function isPostgres(db: Kysely<any>): boolean {
  return dialectOf(db) === 'postgres';
}
