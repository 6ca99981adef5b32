import type { Db } from '../db/connect.ts';
import { insertAuditEvent } from './audit-store.ts';

export interface AuditEntry {
  /** The user who acted, or null for anonymous (failed logins) and the system. */
  actor: { id: string; label: string } | null;
  /** Dotted verb, e.g. `auth.login`, `user.role_changed`, `proposal.merged`. */
  action: string;
  /** What it happened to, e.g. `user:<id>`, `ladder:<slug>`, `proposal:<slug>#3`. */
  target?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the audit log. Pass a transaction to record an event atomically with its change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, {
    at: new Date().toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_label: entry.actor?.label ?? 'anonymous',
    action: entry.action,
    target: entry.target ?? '',
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
  });
}
