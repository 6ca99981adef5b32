import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** How a person is shown next to what they did. */
export interface UserRef {
  id: string;
  name: string;
}

/** Names of the given users (unknown ids are left out). */
export async function userRefs(
  db: Kysely<Database>,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, UserRef>> {
  const unique = [...new Set([...ids].filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
}

export function refOf(refs: Map<string, UserRef>, id: string | null | undefined): UserRef | null {
  if (!id) return null;
  return refs.get(id) ?? { id, name: 'Former user' };
}
