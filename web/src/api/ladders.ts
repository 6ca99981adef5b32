import type { CreateLadderInput, Ladder, LadderSource } from '@rungs/shared/api/ladders';
import type { LadderTemplateSummary } from '@rungs/shared/api/ladder-templates';
import type { LadderSettings } from '@rungs/shared/api/proposals';
import { apiRequest } from './client.ts';

export type { CreateLadderInput, Ladder, LadderSource, LadderTemplateSummary };

export async function listLadders(
  options: { archived?: boolean; signal?: AbortSignal } = {},
): Promise<Ladder[]> {
  const query = options.archived ? '?archived=true' : '';
  const { ladders } = await apiRequest<{ ladders: Ladder[] }>(`/ladders${query}`, { signal: options.signal });
  return ladders;
}

export async function getLadder(slug: string, signal?: AbortSignal): Promise<Ladder> {
  const { ladder } = await apiRequest<{ ladder: Ladder }>(`/ladders/${encodeURIComponent(slug)}`, { signal });
  return ladder;
}

/** Creates a ladder: blank, from `content`, from a `template` or as a copy of a published version. */
export async function createLadder(input: CreateLadderInput): Promise<Ladder> {
  const { ladder } = await apiRequest<{ ladder: Ladder }>('/ladders', { method: 'POST', body: input });
  return ladder;
}

/** The starting points "New ladder" offers, Blank first. */
export async function listLadderTemplates(signal?: AbortSignal): Promise<LadderTemplateSummary[]> {
  const { templates } = await apiRequest<{ templates: LadderTemplateSummary[] }>('/ladder-templates', {
    signal,
  });
  return templates;
}

export async function updateLadder(slug: string, patch: { title?: string; track?: string }): Promise<Ladder> {
  const { ladder } = await apiRequest<{ ladder: Ladder }>(`/ladders/${encodeURIComponent(slug)}`, {
    method: 'PATCH',
    body: patch,
  });
  return ladder;
}

export async function setLadderArchived(slug: string, archived: boolean): Promise<Ladder> {
  const action = archived ? 'archive' : 'unarchive';
  const { ladder } = await apiRequest<{ ladder: Ladder }>(`/ladders/${encodeURIComponent(slug)}/${action}`, {
    method: 'POST',
  });
  return ladder;
}

export { MAX_REQUIRED_APPROVALS, type LadderSettings } from '@rungs/shared/api/proposals';

export async function updateLadderSettings(slug: string, settings: LadderSettings): Promise<LadderSettings> {
  const { settings: saved } = await apiRequest<{ settings: LadderSettings }>(
    `/ladders/${encodeURIComponent(slug)}/settings`,
    { method: 'PATCH', body: settings },
  );
  return saved;
}
