import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import { actorUserId } from '../../auth/system-actor.ts';
import type { Actor } from '../../auth/user-service.ts';
import type { Db } from '../../db/connect.ts';
import { latestVersion, lockLadder, type VersionWithState } from '../../versions/version-store.ts';
import { auditProposal } from '../proposal-audit.ts';
import { notPublishedYetError, requireTitle } from '../proposal-errors.ts';
import { insertProposal, type NewProposal } from '../proposal-store.ts';
import { proposalView } from '../proposal-views.ts';
import type { CommandContext } from './context.ts';

export interface CreateInput {
  title: string;
  description?: string;
  open?: boolean;
}

/** A new proposal: a live fork of the latest published version. */
export async function createProposal(
  ctx: CommandContext,
  ladder: LadderRef,
  actor: Actor,
  input: CreateInput,
): Promise<ProposalView> {
  const title = requireTitle(input.title);
  return forkProposal(ctx, ladder, actor, input.open, async (latest) => ({
    proposal: { title, description: input.description?.trim() ?? '', initialState: latest.yjs_state },
    details: {},
  }));
}

type Fork = Pick<NewProposal, 'title' | 'description' | 'initialState' | 'restoredFromVersion'>;

/**
 * Inserts a proposal forked from the latest published version, under the ladder lock, with its
 * audit entry; `fork` says what it holds. Refused while nothing is published yet.
 */
export async function forkProposal(
  ctx: CommandContext,
  ladder: LadderRef,
  actor: Actor,
  open: boolean | undefined,
  fork: (latest: VersionWithState, trx: Db) => Promise<{ proposal: Fork; details: Record<string, unknown> }>,
): Promise<ProposalView> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    await lockLadder(trx, ladder.id);
    const latest = await latestVersion(trx, ladder.id);
    if (!latest) throw notPublishedYetError();
    const { proposal, details } = await fork(latest, trx);
    const row = await insertProposal(trx, {
      ...proposal,
      ladderId: ladder.id,
      authorId: actorUserId(actor),
      state: open ? 'open' : 'draft',
      baseVersion: latest.number,
    });
    await auditProposal(trx, actor, 'proposal.created', ladder, row, {
      baseVersion: latest.number,
      ...details,
      state: row.state,
    });
    return row;
  });
  return proposalView(ctx.db, ctx.rooms, ladder, row);
}
