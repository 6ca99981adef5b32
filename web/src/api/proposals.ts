import type {
  LadderActivity,
  ProposalDetail,
  ProposalFilter,
  ProposalView as Proposal,
  ReviewerView as Reviewer,
  UpdatePlanView,
  VerdictKind,
} from '@rungs/shared/api/proposals';
import type { UpdateConflict, UpdateResolution } from '@rungs/shared/diff/update-plan';
import type { LadderContent } from '../domain.ts';
import { apiRequest } from './client.ts';

export type {
  LadderActivity,
  ProposalDetail,
  ProposalFilter,
  ProposalState,
  ProposalView as Proposal,
  ReviewerView as Reviewer,
  VerdictKind,
} from '@rungs/shared/api/proposals';
export type { DiffView, UserRef } from '@rungs/shared/api/diff';
export type { MergeBlocker } from '@rungs/shared/api/review-status';

const ladderPath = (slug: string) => `/ladders/${encodeURIComponent(slug)}`;
const proposalPath = (slug: string, n: number, rest = '') => `${ladderPath(slug)}/proposals/${n}${rest}`;

export async function listProposals(
  slug: string,
  state: ProposalFilter = 'all',
  signal?: AbortSignal,
): Promise<Proposal[]> {
  const { proposals } = await apiRequest<{ proposals: Proposal[] }>(
    `${ladderPath(slug)}/proposals?state=${state}`,
    { signal },
  );
  return proposals;
}

export async function getProposal(slug: string, n: number, signal?: AbortSignal): Promise<ProposalDetail> {
  const { proposal } = await apiRequest<{ proposal: ProposalDetail }>(proposalPath(slug, n), { signal });
  return proposal;
}

export async function getProposalContent(
  slug: string,
  n: number,
  signal?: AbortSignal,
): Promise<LadderContent> {
  const { content } = await apiRequest<{ content: LadderContent }>(proposalPath(slug, n, '/content'), {
    signal,
  });
  return content;
}

export async function createProposal(
  slug: string,
  input: { title: string; description?: string; open?: boolean },
): Promise<Proposal> {
  const { proposal } = await apiRequest<{ proposal: Proposal }>(`${ladderPath(slug)}/proposals`, {
    method: 'POST',
    body: input,
  });
  return proposal;
}

export async function updateProposal(
  slug: string,
  n: number,
  patch: { title?: string; description?: string },
): Promise<Proposal> {
  const { proposal } = await apiRequest<{ proposal: Proposal }>(proposalPath(slug, n), {
    method: 'PATCH',
    body: patch,
  });
  return proposal;
}

export async function proposalAction(
  slug: string,
  n: number,
  action: 'open' | 'close' | 'reopen',
): Promise<Proposal> {
  const { proposal } = await apiRequest<{ proposal: Proposal }>(proposalPath(slug, n, `/${action}`), {
    method: 'POST',
  });
  return proposal;
}

export async function mergeProposal(slug: string, n: number): Promise<{ version: { number: number } }> {
  return apiRequest<{ version: { number: number } }>(proposalPath(slug, n, '/merge'), { method: 'POST' });
}

export type { UpdateConflict, UpdateResolution };

/** The preview of "update from published", and what confirming it must send back. */
export type UpdatePreview = UpdatePlanView;

export async function previewUpdateFromPublished(slug: string, n: number): Promise<UpdatePreview> {
  const { plan } = await apiRequest<{ plan: UpdatePreview }>(proposalPath(slug, n, '/update-from-published'));
  return plan;
}

export async function updateFromPublished(
  slug: string,
  n: number,
  preview: UpdatePreview,
  resolutions: Record<string, UpdateResolution>,
): Promise<ProposalDetail> {
  const { proposal } = await apiRequest<{ proposal: ProposalDetail }>(
    proposalPath(slug, n, '/update-from-published'),
    {
      method: 'POST',
      body: { publishedVersion: preview.publishedVersion, fingerprint: preview.fingerprint, resolutions },
    },
  );
  return proposal;
}

export async function addVerdict(
  slug: string,
  n: number,
  input: { verdict: VerdictKind; body?: string; fingerprint: string },
): Promise<{ verdict: Reviewer; proposal: Proposal }> {
  return apiRequest(proposalPath(slug, n, '/verdicts'), { method: 'POST', body: input });
}

export async function getOverview(signal?: AbortSignal): Promise<LadderActivity[]> {
  const { ladders } = await apiRequest<{ ladders: LadderActivity[] }>('/proposals/overview', { signal });
  return ladders;
}
