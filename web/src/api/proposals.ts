import type { Conflict, LadderDiff } from '@rungs/shared/diff/types';
import type { UpdateConflict, UpdatePlan, UpdateResolution } from '@rungs/shared/diff/update-plan';
import type { LadderContent } from '../domain.ts';
import { apiRequest } from './client.ts';

export type ProposalState = 'draft' | 'open' | 'changes_requested' | 'approved' | 'merged' | 'closed';
export type VerdictKind = 'approve' | 'request_changes';

/** How a person is shown next to what they did. */
export interface UserRef {
  id: string;
  name: string;
}

export interface Reviewer {
  reviewer: UserRef;
  verdict: VerdictKind;
  /** False once the proposal changed after this verdict: shown, not counted. */
  fresh: boolean;
  body: string;
  at: string;
}

export interface Proposal {
  id: string;
  number: number;
  title: string;
  description: string;
  state: ProposalState;
  /** The live document: /collab/:documentName. */
  documentName: string;
  readOnly: boolean;
  author: UserRef | null;
  baseVersion: number;
  /** The ladder's latest published version (0: none yet). */
  publishedVersion: number;
  behindPublished: boolean;
  restoredFromVersion: number | null;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  mergedAt: string | null;
  mergedVersion: number | null;
  mergedBy: UserRef | null;
  closedAt: string | null;
  closedBy: UserRef | null;
  approvals: { required: number; fresh: number; stale: number };
  reviewers: Reviewer[];
  comments: { total: number; unresolvedThreads: number };
}

export interface DiffView {
  diff: LadderDiff;
  /** One human sentence per change. */
  summary: string[];
}

export interface MergeBlocker {
  code:
    | 'not_open'
    | 'already_merged'
    | 'closed'
    | 'changes_requested'
    | 'not_enough_approvals'
    | 'conflicts'
    | 'no_changes';
  message: string;
}

export interface ProposalDetail extends Proposal {
  /** The document state this answer describes; sent with a verdict. */
  fingerprint: string;
  ladder: { id: string; slug: string; title: string; track: string; requiredApprovals: number };
  /** Against the base version. */
  changes: DiffView;
  /** What publishing now would change against the current published version (null once closed or merged). */
  preview: DiffView | null;
  conflicts: Conflict[];
  checks: { canMerge: boolean; blockers: MergeBlocker[] };
}

export type ProposalFilter = 'active' | 'draft' | 'review' | 'merged' | 'closed' | 'all';

/** Per ladder: published version, proposals in progress, and what awaits my review. */
export interface LadderActivity {
  slug: string;
  publishedVersion: number;
  publishedAt: string | null;
  drafts: number;
  inReview: number;
  awaitingMyReview: number[];
}

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
export type UpdatePreview = UpdatePlan & {
  baseVersion: number;
  publishedVersion: number;
  fingerprint: string;
};

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
