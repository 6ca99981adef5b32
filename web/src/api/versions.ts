import type { LevelComparison } from '@rungs/shared/diff/compare-levels';
import type { LadderContent } from '../domain.ts';
import { apiRequest } from './client.ts';
import type { Proposal } from './proposals.ts';
import type { VersionView as Version, VersionDiff } from '@rungs/shared/api/versions';

export type { Version };

export type { LevelComparison };

export type VersionSelector = number | 'latest';

const versionsPath = (slug: string) => `/ladders/${encodeURIComponent(slug)}/versions`;

export async function listVersions(slug: string, signal?: AbortSignal): Promise<Version[]> {
  const { versions } = await apiRequest<{ versions: Version[] }>(versionsPath(slug), { signal });
  return versions;
}

export function getVersion(
  slug: string,
  version: VersionSelector,
  signal?: AbortSignal,
): Promise<{ version: Version; content: LadderContent }> {
  return apiRequest(`${versionsPath(slug)}/${version}`, { signal });
}

export function diffVersions(
  slug: string,
  from: VersionSelector,
  to: VersionSelector,
  signal?: AbortSignal,
): Promise<VersionDiff> {
  return apiRequest(`${versionsPath(slug)}/${from}/diff/${to}`, { signal });
}

export function compareLevels(
  slug: string,
  version: VersionSelector,
  query: { lower: string; higher: string; granularity?: 'word' | 'sentence' },
  signal?: AbortSignal,
): Promise<{ version: Version; comparison: LevelComparison }> {
  const params = new URLSearchParams({ lower: query.lower, higher: query.higher });
  if (query.granularity) params.set('granularity', query.granularity);
  return apiRequest(`${versionsPath(slug)}/${version}/compare?${params}`, { signal });
}

/** Opens a proposal whose content equals `version`. */
export async function restoreVersion(
  slug: string,
  version: number,
  input: { title?: string; description?: string } = {},
): Promise<Proposal> {
  const { proposal } = await apiRequest<{ proposal: Proposal }>(`${versionsPath(slug)}/${version}/restore`, {
    method: 'POST',
    body: input,
  });
  return proposal;
}
