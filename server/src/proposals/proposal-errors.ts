import { ConflictError, InvalidInputError } from '../domain-errors.ts';
import type { MergeBlocker } from '../reviews/review-status.ts';
import type { ProposalRow } from './proposal-store.ts';

/** A merged or closed proposal can't change. */
export function readOnlyError(row: ProposalRow): ConflictError {
  return row.state === 'merged'
    ? new ConflictError(
        'already_merged',
        `Proposal #${row.number} is published (version ${row.merged_version}); it can no longer change.`,
      )
    : new ConflictError('closed', `Proposal #${row.number} is closed; reopen it first.`);
}

export function notPublishedYetError(): ConflictError {
  return new ConflictError(
    'not_published',
    'This ladder has no published version yet. Publish its first proposal (#1) before starting another one.',
  );
}

/** Publishing refused: the first reason's code, every reason said. */
export function mergeRefusedError(blockers: readonly MergeBlocker[]): ConflictError {
  return new ConflictError(blockers[0]!.code, blockers.map((b) => b.message).join(' '));
}

export function requireTitle(title: string): string {
  const t = title.trim();
  if (!t)
    throw new InvalidInputError('invalid_title', 'A proposal needs a title: it becomes the changelog entry.');
  return t;
}
