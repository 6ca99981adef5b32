import type { ProposalState } from '../api/proposals.ts';

export const STATE_LABELS: Record<ProposalState, string> = {
  draft: 'Draft',
  open: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  merged: 'Published',
  closed: 'Closed',
};

/** The state of a proposal as a coloured pill with words (colour is never the only signal). */
export function StateBadge({ state }: { state: ProposalState }) {
  return (
    <span className={`state-badge state-${state}`} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}

/** "1 of 2 approvals (1 stale)". */
export function approvalsText(approvals: { required: number; fresh: number; stale: number }): string {
  const base =
    approvals.required === 0
      ? `${approvals.fresh} approval${approvals.fresh === 1 ? '' : 's'} (none required)`
      : `${approvals.fresh} of ${approvals.required} approval${approvals.required === 1 ? '' : 's'}`;
  return approvals.stale ? `${base}, ${approvals.stale} stale` : base;
}
