import type { LevelComparison } from '@rungs/shared/diff/compare-levels';
import type { LadderDiff } from '@rungs/shared/diff/types';
import type { LadderContent } from '../domain.ts';
import { apiRequest } from './client.ts';
import type { Proposal, UserRef } from './proposals.ts';

export type { LevelComparison };

/** A published version of a ladder, with its changelog. */
export interface Version {
  number: number;
  title: string;
  description: string;
  publishedAt: string;
  author: UserRef | null;
  publishedBy: UserRef | null;
  approvers: UserRef[];
  proposalNumber: number | null;
}

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
): Promise<{ from: Version; to: Version; diff: LadderDiff; summary: string[] }> {
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
