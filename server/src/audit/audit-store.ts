import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { AuditEventsTable } from '../db/schema.ts';

export type AuditEventRow = Selectable<AuditEventsTable>;

export interface AuditEventFilter {
  limit: number;
  /** Only events older than this id (paging backwards). */
  before?: number;
  /** Only actions starting with this prefix, e.g. `user.` */
  actionPrefix?: string;
}

export async function insertAuditEvent(db: Db, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/** The newest events first. */
export async function listAuditEvents(db: Db, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.before) query = query.where('id', '<', filter.before);
  if (filter.actionPrefix) query = query.where('action', 'like', `${filter.actionPrefix}%`);
  return query.execute();
}
