import type { LadderContent } from '../domain.ts';
import type { Ladder } from '@rungs/shared/api/ladders';
import type { LadderSettings } from '@rungs/shared/api/proposals';
import { apiRequest } from './client.ts';

export type { Ladder };

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

export async function createLadder(input: {
  title: string;
  track?: string;
  content?: LadderContent;
}): Promise<Ladder> {
  const { ladder } = await apiRequest<{ ladder: Ladder }>('/ladders', { method: 'POST', body: input });
  return ladder;
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
