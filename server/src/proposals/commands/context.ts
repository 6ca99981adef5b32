import type { FastifyBaseLogger } from 'fastify';
import type { LadderRef, ProposalView } from '@rungs/shared/api/proposals';
import type { Actor } from '../../auth/user-service.ts';
import type { RoomManager } from '../../collab/room-manager.ts';
import type { Db } from '../../db/connect.ts';
import type { KeyedMutex } from '../keyed-mutex.ts';
import { requireProposal } from '../lookup.ts';
import { proposalView } from '../proposal-views.ts';

/** What every proposal command works with. */
export interface CommandContext {
  db: Db;
  rooms: RoomManager;
  log: FastifyBaseLogger;
  /** One command at a time per proposal (in this process); SQL locks order them across processes. */
  mutex: KeyedMutex;
}

/** A command `actor` gives on proposal `number` of `ladder`. */
export type ProposalCommand<Input = void, Result = ProposalView> = (
  ctx: CommandContext,
  ladder: LadderRef,
  number: number,
  actor: Actor,
  input: Input,
) => Promise<Result>;

/** The proposal as it is after a command, as readers see it. */
export async function presentAfter(
  ctx: CommandContext,
  ladder: LadderRef,
  number: number,
): Promise<ProposalView> {
  return proposalView(ctx.db, ctx.rooms, ladder, await requireProposal(ctx.db, ladder, number));
}
