import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import { ACTIVE_STATES } from '../../reviews/review-status.ts';
import { requireProposal } from '../lookup.ts';
import { readOnlyError, requireTitle } from '../proposal-errors.ts';
import { updateProposal } from '../proposal-store.ts';
import { presentAfter, type CommandContext } from './context.ts';

/** A new title or description: the changelog entry publishing records. */
export async function updateProposalMeta(
  ctx: CommandContext,
  ladder: LadderRef,
  number: number,
  input: { title?: string; description?: string },
): Promise<ProposalView> {
  const row = await requireProposal(ctx.db, ladder, number);
  if (!ACTIVE_STATES.includes(row.state)) throw readOnlyError(row);
  const title = input.title !== undefined ? requireTitle(input.title) : undefined;
  await updateProposal(ctx.db, row.id, new Date().toISOString(), {
    ...(title !== undefined ? { title } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
  });
  return presentAfter(ctx, ladder, number);
}
