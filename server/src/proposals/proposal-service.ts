import { planUpdateFromPublished, readLadderContent, type LadderContent } from '@rungs/shared';
import type {
  LadderRef,
  ProposalDetail,
  ProposalOverview,
  ProposalView,
  ReviewerView,
  UpdatePlanView,
} from '@rungs/shared/api/proposals';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import {
  documentAccess,
  refusalError,
  seesUnpublishedWork,
  type DocumentDecision,
} from '../auth/document-policy.ts';
import type { SessionUser } from '../auth/roles.ts';
import type { Actor } from '../auth/user-service.ts';
import { userRefs } from '../auth/user-ref-store.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { auditActor } from '../auth/actor.ts';
import { ACTIVE_STATES, REVIEW_STATES } from '../reviews/review-status.ts';
import { latestVersion, latestVersionsOf, versionContent } from '../versions/version-store.ts';
import { createProposal, type CreateInput } from './commands/create.ts';
import type { CommandContext } from './commands/context.ts';
import { publishProposal } from './commands/publish.ts';
import { restoreVersion, type RestoreInput } from './commands/restore.ts';
import { closeProposal, openProposal, reopenProposal } from './commands/transition.ts';
import { updateFromPublished, type UpdateConfirmation } from './commands/update-from-published.ts';
import { updateProposalMeta } from './commands/update-meta.ts';
import { giveVerdict, type VerdictInput } from './commands/give-verdict.ts';
import { stateFingerprint } from './fingerprint.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { listedLadders, setRequiredApprovals } from './ladder-ref-store.ts';
import { readLiveState } from './live-state.ts';
import { requireLadder, requireProposal } from './lookup.ts';
import { baseContentOf, loadMergeInputs } from './merge-inputs.ts';
import { proposalPermissions } from './permissions.ts';
import { planMerge } from './plan-merge.ts';
import { readOnlyError } from './proposal-errors.ts';
import { activeProposalStates, listProposals, type ProposalRow } from './proposal-store.ts';
import { proposalDetail, proposalView, proposalViews, reviewerView } from './proposal-views.ts';
import { verdictsOfProposal } from './verdict-store.ts';

export type { UpdateConfirmation };

export type ProposalListFilter = 'active' | 'draft' | 'review' | 'merged' | 'closed' | 'all';

const LIST_STATES: Record<ProposalListFilter, readonly string[] | null> = {
  active: ACTIVE_STATES,
  draft: ['draft'],
  review: REVIEW_STATES,
  merged: ['merged'],
  closed: ['closed'],
  all: null,
};

/**
 * Proposals: live branches of a ladder's published line. Reads are here; every change is a
 * command (`commands/`), each in its own module.
 */
export class ProposalService {
  private readonly ctx: CommandContext;

  constructor(db: Db, rooms: RoomManager, log: FastifyBaseLogger) {
    this.ctx = { db, rooms, log, mutex: new KeyedMutex() };
  }

  ladder(slug: string): Promise<LadderRef> {
    return requireLadder(this.ctx.db, slug);
  }

  proposal(ladder: LadderRef, number: number): Promise<ProposalRow> {
    return requireProposal(this.ctx.db, ladder, number);
  }

  // ---------------------------------------------------------------- reads

  /** Per listed ladder: its published version, proposals in progress and what awaits `user`. */
  async overview(
    user: SessionUser,
    awaiting: ReadonlyArray<{ ladderSlug: string; proposalNumber: number }>,
  ): Promise<ProposalOverview> {
    const ladders = await listedLadders(this.ctx.db);
    const ids = ladders.map((l) => l.id);
    const latest = await latestVersionsOf(this.ctx.db, ids);
    const proposals = seesUnpublishedWork(user) ? await activeProposalStates(this.ctx.db, ids) : [];
    return {
      ladders: ladders.map((l) => {
        const mine = proposals.filter((p) => p.ladder_id === l.id);
        return {
          slug: l.slug,
          publishedVersion: latest.get(l.id)?.number ?? 0,
          publishedAt: latest.get(l.id)?.publishedAt ?? null,
          drafts: mine.filter((p) => p.state === 'draft').length,
          inReview: mine.filter((p) => REVIEW_STATES.includes(p.state)).length,
          awaitingMyReview: awaiting.filter((a) => a.ladderSlug === l.slug).map((a) => a.proposalNumber),
        };
      }),
    };
  }

  async list(slug: string, filter: ProposalListFilter = 'active'): Promise<ProposalView[]> {
    const ladder = await this.ladder(slug);
    const rows = await listProposals(this.ctx.db, ladder.id, LIST_STATES[filter]);
    return proposalViews(this.ctx.db, this.ctx.rooms, ladder, rows);
  }

  /** The proposal with its changes, merge preview, conflicts, checks and what `user` may do. */
  async detail(slug: string, number: number, user: SessionUser | null): Promise<ProposalDetail> {
    const { ladder, row, access, reader } = await this.readable(slug, number, user);
    const live = await readLiveState(this.ctx.rooms, row.document_name);
    const plan = planMerge(await loadMergeInputs(this.ctx.db, ladder, row, live));
    return proposalDetail({
      view: await proposalView(this.ctx.db, this.ctx.rooms, ladder, row, live.fingerprint),
      ladder,
      fingerprint: live.fingerprint,
      baseContent: await baseContentOf(this.ctx.db, ladder.id, row),
      headContent: live.content,
      plan,
      can: proposalPermissions(reader, { state: row.state, access, canMerge: plan.blockers.length === 0 }),
    });
  }

  async content(slug: string, number: number, user: SessionUser | null): Promise<LadderContent> {
    const { row } = await this.readable(slug, number, user);
    return this.ctx.rooms.read(row.document_name, readLadderContent);
  }

  /** What updating from published would do: one-sided changes taken, conflicts to resolve. */
  async updatePlan(slug: string, number: number, user: SessionUser | null): Promise<UpdatePlanView> {
    const { ladder, row } = await this.readable(slug, number, user);
    if (!ACTIVE_STATES.includes(row.state)) throw readOnlyError(row);
    const latest = await latestVersion(this.ctx.db, ladder.id);
    const live = await readLiveState(this.ctx.rooms, row.document_name);
    const plan =
      latest && latest.number > row.base_version
        ? planUpdateFromPublished(
            await baseContentOf(this.ctx.db, ladder.id, row),
            versionContent(latest),
            live.content,
          )
        : { fromPublished: [], conflicts: [] };
    return {
      baseVersion: row.base_version,
      publishedVersion: latest?.number ?? 0,
      fingerprint: live.fingerprint,
      ...plan,
    };
  }

  /** Every verdict, oldest first, with whether it still applies to the current state. */
  async verdicts(slug: string, number: number): Promise<ReviewerView[]> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    const verdicts = await verdictsOfProposal(this.ctx.db, row.id);
    const fingerprint = verdicts.length ? await this.ctx.rooms.read(row.document_name, stateFingerprint) : '';
    const refs = await userRefs(
      this.ctx.db,
      verdicts.map((v) => v.reviewer_id),
    );
    return verdicts.map((v) => reviewerView(v, v.fingerprint === fingerprint, refs));
  }

  // ---------------------------------------------------------------- commands

  async create(slug: string, actor: Actor, input: CreateInput): Promise<ProposalView> {
    return createProposal(this.ctx, await this.ladder(slug), actor, input);
  }

  async restore(
    slug: string,
    versionNumber: number,
    actor: Actor,
    input: RestoreInput,
  ): Promise<ProposalView> {
    return restoreVersion(this.ctx, await this.ladder(slug), versionNumber, actor, input);
  }

  async updateMeta(
    slug: string,
    number: number,
    input: { title?: string; description?: string },
  ): Promise<ProposalView> {
    return updateProposalMeta(this.ctx, await this.ladder(slug), number, input);
  }

  async open(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    return openProposal(this.ctx, await this.ladder(slug), number, actor);
  }

  async close(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    return closeProposal(this.ctx, await this.ladder(slug), number, actor);
  }

  async reopen(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    return reopenProposal(this.ctx, await this.ladder(slug), number, actor);
  }

  async merge(
    slug: string,
    number: number,
    actor: Actor,
  ): Promise<{ version: number; proposal: ProposalView }> {
    return publishProposal(this.ctx, await this.ladder(slug), number, actor);
  }

  async updateFromPublished(
    slug: string,
    number: number,
    actor: Actor,
    confirm: UpdateConfirmation,
  ): Promise<ProposalDetail> {
    await updateFromPublished(this.ctx, await this.ladder(slug), number, actor, confirm);
    return this.detail(slug, number, actor.user);
  }

  async addVerdict(
    slug: string,
    number: number,
    actor: Actor,
    input: VerdictInput,
  ): Promise<{ verdict: ReviewerView; proposal: ProposalView }> {
    return giveVerdict(this.ctx, await this.ladder(slug), number, actor, input);
  }

  /** The approvals publishing a ladder's proposals needs (admins). */
  async setRequiredApprovals(slug: string, requiredApprovals: number, actor: Actor): Promise<number> {
    const ladder = await this.ladder(slug);
    await this.ctx.db.transaction().execute(async (trx) => {
      await setRequiredApprovals(trx, ladder.id, requiredApprovals);
      await recordAudit(trx, {
        actor: auditActor(actor),
        action: 'ladder.settings_changed',
        target: `ladder:${ladder.slug}`,
        details: { requiredApprovals: { from: ladder.requiredApprovals, to: requiredApprovals } },
        ip: actor.ip,
      });
    });
    return requiredApprovals;
  }

  // ---------------------------------------------------------------- internals

  /** The proposal a request names, if the document policy lets `user` read its live document. */
  private async readable(
    slug: string,
    number: number,
    user: SessionUser | null,
  ): Promise<{ ladder: LadderRef; row: ProposalRow; access: DocumentDecision; reader: SessionUser }> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    const access = await documentAccess(this.ctx.db, user, row.document_name);
    if (!access.read) throw refusalError(access);
    // The policy refuses anonymous callers, so there is a reader here.
    return { ladder, row, access, reader: user! };
  }
}
