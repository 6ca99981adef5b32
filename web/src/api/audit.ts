import type { AuditEvent } from '@rungs/shared/api/audit';
import { apiRequest } from './client.ts';

export type { AuditEvent };

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` (an event id) pages back, `action` filters by prefix (`user.`, `auth.login`). */
export async function listAuditEvents(
  query: { before?: number; action?: string; limit?: number },
  signal?: AbortSignal,
): Promise<AuditEvent[]> {
  const params = new URLSearchParams();
  params.set('limit', String(query.limit ?? AUDIT_PAGE_SIZE));
  if (query.before !== undefined) params.set('before', String(query.before));
  if (query.action) params.set('action', query.action);
  return (await apiRequest<{ events: AuditEvent[] }>(`/audit?${params}`, { signal })).events;
}
