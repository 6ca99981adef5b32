import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import type { Actor } from '../../auth/user-service.ts';
import { notFoundError } from '../../domain-errors.ts';
import { getVersion, versionContent } from '../../versions/version-store.ts';
import { forkWithContent } from '../../versions/yjs-merge.ts';
import type { CommandContext } from './context.ts';
import { forkProposal } from './create.ts';

export interface RestoreInput {
  title?: string;
  description?: string;
  open?: boolean;
}

/** "Restore version N": a new proposal, forked from the latest published state, whose content is version N. */
export async function restoreVersion(
  ctx: CommandContext,
  ladder: LadderRef,
  versionNumber: number,
  actor: Actor,
  input: RestoreInput,
): Promise<ProposalView> {
  return forkProposal(ctx, ladder, actor, input.open, async (latest, trx) => {
    const target = await getVersion(trx, ladder.id, versionNumber);
    if (!target) throw notFoundError(`Version ${versionNumber} of "${ladder.slug}"`);
    return {
      proposal: {
        title: input.title?.trim() || `Restore version ${versionNumber}`,
        description:
          input.description?.trim() ??
          `Brings the ladder back to version ${versionNumber} ("${target.title}"), published ${target.created_at.slice(0, 10)}.`,
        restoredFromVersion: versionNumber,
        initialState: forkWithContent(latest.yjs_state, versionContent(target)),
      },
      details: { restoredFromVersion: versionNumber },
    };
  });
}
