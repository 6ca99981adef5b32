import * as Y from 'yjs';
import { actorUserId } from '../auth/system-actor.ts';
import {
  detectConflicts,
  diffLadders,
  isEmpty,
  mergeUpdateFromPublished,
  planUpdateFromPublished,
  readLadderContent,
  UpdateResolutionError,
  type Conflict,
  type LadderContent,
  type UpdatePlan,
  type UpdateResolution,
} from '@rungs/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connect.ts';
import type { RoomManager } from '../collab/room-manager.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Actor } from '../auth/user-service.ts';
import { HttpError, notFound } from '../plugins/errors.ts';
import {
  ACTIVE_STATES,
  REVIEW_STATES,
  effectiveState,
  mergeBlockers,
  reviewStatus,
  type ReviewStatus,
} from '../reviews/review-status.ts';
import { getVersion, latestVersion, lockLadder, versionContent } from '../versions/version-store.ts';
import { applyOnto, forkWithContent, proposalDelta } from '../versions/yjs-merge.ts';
import { ProposalCloseCode } from './close-codes.ts';
import { stateFingerprint } from './fingerprint.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { applyUpdateFromPublished } from './update-from-published.ts';
import {
  diffView,
  proposalViews,
  reviewerView,
  type DiffView,
  type LadderRef,
  type ProposalDetail,
  type ProposalView,
  type ReviewerView,
} from './proposal-views.ts';
import { findProposal, insertProposal, verdictsOf, type ProposalRow } from './proposal-store.ts';
import { userRefs } from './user-refs.ts';

export type { DiffView, LadderRef, ProposalDetail, ProposalView, ReviewerView };

export type ProposalListFilter = 'active' | 'draft' | 'review' | 'merged' | 'closed' | 'all';

export type UpdatePlanView = UpdatePlan & {
  baseVersion: number;
  publishedVersion: number;
  fingerprint: string;
};

export interface UpdateConfirmation {
  publishedVersion: number;
  fingerprint: string;
  resolutions: Record<string, UpdateResolution>;
}

interface LiveState {
  state: Uint8Array;
  fingerprint: string;
  content: LadderContent;
}

/**
 * Proposals: live branches of a ladder's published line. Creation forks the latest published Yjs
 * state; publishing merges the proposal's own delta onto the published line as version N+1.
 */
export class ProposalService {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly db: Db,
    private readonly rooms: RoomManager,
    private readonly log: FastifyBaseLogger,
  ) {}

  async ladder(slug: string): Promise<LadderRef> {
    const row = await this.db
      .selectFrom('ladders')
      .select(['id', 'slug', 'title', 'track', 'required_approvals'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!row) throw notFound(`Ladder "${slug}"`);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      track: row.track,
      requiredApprovals: row.required_approvals,
    };
  }

  async proposal(ladder: LadderRef, number: number): Promise<ProposalRow> {
    const row = await findProposal(this.db, ladder.id, number);
    if (!row) throw notFound(`Proposal #${number} of "${ladder.slug}"`);
    return row;
  }

  // ---------------------------------------------------------------- reads

  async list(slug: string, filter: ProposalListFilter = 'active'): Promise<ProposalView[]> {
    const ladder = await this.ladder(slug);
    let query = this.db.selectFrom('proposals').selectAll().where('ladder_id', '=', ladder.id);
    const states: Record<Exclude<ProposalListFilter, 'all'>, readonly string[]> = {
      active: ACTIVE_STATES,
      draft: ['draft'],
      review: REVIEW_STATES,
      merged: ['merged'],
      closed: ['closed'],
    };
    if (filter !== 'all') query = query.where('state', 'in', [...states[filter]]);
    const rows = await query.orderBy('number', 'desc').execute();
    return this.views(ladder, rows);
  }

  async view(ladder: LadderRef, row: ProposalRow, live?: LiveState): Promise<ProposalView> {
    const [view] = await this.views(ladder, [row], live ? new Map([[row.id, live.fingerprint]]) : undefined);
    return view!;
  }

  async detail(slug: string, number: number): Promise<ProposalDetail> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    const live = await this.liveState(row.document_name);
    const base = row.base_version > 0 ? await getVersion(this.db, ladder.id, row.base_version) : undefined;
    const baseContent = versionContent(base);
    const view = await this.view(ladder, row, live);
    const changes = diffView(baseContent, live.content);

    let preview: DiffView | null = null;
    let conflicts: Conflict[] = [];
    if (ACTIVE_STATES.includes(row.state)) {
      const latest = await latestVersion(this.db, ladder.id);
      if (latest && latest.number > row.base_version) {
        const latestContent = versionContent(latest);
        conflicts = detectConflicts(baseContent, live.content, latestContent);
        const merged = applyOnto(latest.yjs_state, proposalDelta(live.state, base?.yjs_state ?? null));
        preview = diffView(latestContent, merged.content);
      } else {
        preview = changes;
      }
    }
    const status = await this.status(row, live.fingerprint);
    const blockers = mergeBlockers({
      state: row.state,
      status,
      requiredApprovals: ladder.requiredApprovals,
      conflicts,
      unchanged: preview !== null && view.publishedVersion > 0 && isEmpty(preview.diff),
    });
    return {
      ...view,
      fingerprint: live.fingerprint,
      ladder,
      changes,
      preview,
      conflicts,
      checks: { canMerge: blockers.length === 0, blockers },
    };
  }

  async content(slug: string, number: number): Promise<LadderContent> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    return this.rooms.read(row.document_name, readLadderContent);
  }

  // ---------------------------------------------------------------- lifecycle

  async create(
    slug: string,
    actor: Actor,
    input: { title: string; description?: string; open?: boolean },
  ): Promise<ProposalView> {
    const ladder = await this.ladder(slug);
    const title = requireTitle(input.title);
    const row = await this.db.transaction().execute(async (trx) => {
      await lockLadder(trx, ladder.id);
      const latest = await latestVersion(trx, ladder.id);
      if (!latest) throw notPublishedYet();
      const row = await insertProposal(trx, {
        ladderId: ladder.id,
        title,
        description: input.description?.trim() ?? '',
        authorId: actorUserId(actor),
        state: input.open ? 'open' : 'draft',
        baseVersion: latest.number,
        initialState: latest.yjs_state,
      });
      await this.audit(trx, actor, 'proposal.created', ladder, row, {
        baseVersion: latest.number,
        state: row.state,
      });
      return row;
    });
    return this.view(ladder, row);
  }

  /** "Restore version N": a new proposal, forked from the latest published state, whose content is version N. */
  async restore(
    slug: string,
    versionNumber: number,
    actor: Actor,
    input: { title?: string; description?: string; open?: boolean },
  ): Promise<ProposalView> {
    const ladder = await this.ladder(slug);
    const row = await this.db.transaction().execute(async (trx) => {
      await lockLadder(trx, ladder.id);
      const latest = await latestVersion(trx, ladder.id);
      if (!latest) throw notPublishedYet();
      const target = await getVersion(trx, ladder.id, versionNumber);
      if (!target) throw notFound(`Version ${versionNumber} of "${ladder.slug}"`);
      const state = forkWithContent(latest.yjs_state, versionContent(target));
      const row = await insertProposal(trx, {
        ladderId: ladder.id,
        title: input.title?.trim() || `Restore version ${versionNumber}`,
        description:
          input.description?.trim() ??
          `Brings the ladder back to version ${versionNumber} ("${target.title}"), published ${target.created_at.slice(0, 10)}.`,
        authorId: actorUserId(actor),
        state: input.open ? 'open' : 'draft',
        baseVersion: latest.number,
        restoredFromVersion: versionNumber,
        initialState: state,
      });
      await this.audit(trx, actor, 'proposal.created', ladder, row, {
        baseVersion: latest.number,
        restoredFromVersion: versionNumber,
        state: row.state,
      });
      return row;
    });
    return this.view(ladder, row);
  }

  async updateMeta(
    slug: string,
    number: number,
    input: { title?: string; description?: string },
  ): Promise<ProposalView> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    if (!ACTIVE_STATES.includes(row.state)) throw readOnly(row);
    const title = input.title !== undefined ? requireTitle(input.title) : undefined;
    await this.db
      .updateTable('proposals')
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    return this.view(ladder, (await this.proposal(ladder, number))!);
  }

  /** draft → open: ready for review. */
  async open(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    return this.transition(slug, number, actor, async (trx, ladder, row, now) => {
      if (row.state !== 'draft') {
        if (REVIEW_STATES.includes(row.state)) return;
        throw readOnly(row);
      }
      await trx
        .updateTable('proposals')
        .set({ state: 'open', opened_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      await this.audit(trx, actor, 'proposal.opened', ladder, row, { from: row.state });
    });
  }

  /**
   * Closes without publishing; the document becomes read-only. The flag is flipped in SQL, where
   * every instance's group commit checks it: edits still in flight anywhere are refused, not lost.
   */
  async close(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    const view = await this.closeTransition(slug, number, actor);
    this.rooms.closeDocumentConnections(
      view.documentName,
      ProposalCloseCode.closed,
      'This proposal was closed; it is read-only now.',
    );
    return view;
  }

  private closeTransition(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    return this.transition(slug, number, actor, async (trx, ladder, row, now) => {
      if (row.state === 'closed') return;
      if (row.state === 'merged') throw readOnly(row);
      await trx
        .updateTable('proposals')
        .set({ state: 'closed', closed_at: now, closed_by: actorUserId(actor), updated_at: now })
        .where('id', '=', row.id)
        .execute();
      await trx
        .updateTable('documents')
        .set({ read_only: 1 })
        .where('name', '=', row.document_name)
        .execute();
      await this.audit(trx, actor, 'proposal.closed', ladder, row, { from: row.state });
    });
  }

  /** closed → draft (or open, when it had been opened): editable again. */
  async reopen(slug: string, number: number, actor: Actor): Promise<ProposalView> {
    const view = await this.transition(slug, number, actor, async (trx, ladder, row, now) => {
      if (row.state !== 'closed') {
        if (ACTIVE_STATES.includes(row.state)) return;
        throw readOnly(row);
      }
      const state = row.opened_at ? 'open' : 'draft';
      await trx
        .updateTable('proposals')
        .set({ state, closed_at: null, closed_by: null, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      await trx
        .updateTable('documents')
        .set({ read_only: 0 })
        .where('name', '=', row.document_name)
        .execute();
      await this.audit(trx, actor, 'proposal.reopened', ladder, row, { to: state });
    });
    this.rooms.closeDocumentConnections(
      view.documentName,
      ProposalCloseCode.reopened,
      'This proposal was reopened; reconnecting to edit.',
    );
    return view;
  }

  /**
   * Publishes the proposal as version N+1: its own delta (its state minus its base version's)
   * applied onto the latest published state, in one transaction that holds the ladder lock, so
   * concurrent merges of one ladder get consecutive numbers and each builds on the other.
   */
  async merge(
    slug: string,
    number: number,
    actor: Actor,
  ): Promise<{ version: number; proposal: ProposalView }> {
    const ladder = await this.ladder(slug);
    const first = await this.proposal(ladder, number);
    return this.mutex.run(first.id, async () => {
      // Refuse early, without disturbing anyone's editing, when it clearly can't be published.
      const row0 = await this.proposal(ladder, number);
      const live0 = await this.liveState(row0.document_name);
      await this.assertMergeable(ladder, row0, live0, this.db);

      const docName = row0.document_name;
      // What is published is what SQL holds once the document's row is locked: every edit
      // acknowledged as saved (on any instance) is in it, and every later one is refused.
      let published: { version: number } | undefined;
      try {
        published = await this.db.transaction().execute(async (trx) => {
          const now = new Date().toISOString();
          await lockLadder(trx, ladder.id, now);
          const row = await findProposal(trx, ladder.id, number);
          if (!row) throw notFound(`Proposal #${number} of "${ladder.slug}"`);
          const live = liveStateOf(await this.rooms.store.lockAndReadState(trx, docName));
          const settings = await trx
            .selectFrom('ladders')
            .select('required_approvals')
            .where('id', '=', ladder.id)
            .executeTakeFirstOrThrow();
          const { status, latest, previous, merged } = await this.assertMergeable(
            { ...ladder, requiredApprovals: settings.required_approvals },
            row,
            live,
            trx,
          );
          const version = (latest?.number ?? 0) + 1;
          await trx
            .insertInto('versions')
            .values({
              ladder_id: ladder.id,
              number: version,
              yjs_state: merged.state,
              content_json: JSON.stringify(merged.content),
              title: row.title,
              description: row.description,
              author_id: row.author_id,
              published_by: actorUserId(actor),
              approver_ids: JSON.stringify(status.freshApprovals),
              proposal_id: row.id,
              created_at: now,
            })
            .execute();
          await trx
            .updateTable('proposals')
            .set({
              state: 'merged',
              merged_at: now,
              merged_by: actorUserId(actor),
              merged_version: version,
              updated_at: now,
            })
            .where('id', '=', row.id)
            .execute();
          await trx.updateTable('documents').set({ read_only: 1 }).where('name', '=', docName).execute();
          // The ladder's listed title and track follow what this version changes of them.
          const { title, track } = merged.content;
          const retitled = title.trim() !== '' && (!previous || previous.title !== title);
          const retracked = !previous || previous.track !== track;
          if (retitled || retracked) {
            await trx
              .updateTable('ladders')
              .set({ ...(retitled ? { title: title.trim() } : {}), ...(retracked ? { track } : {}) })
              .where('id', '=', ladder.id)
              .execute();
          }
          await this.audit(trx, actor, 'proposal.merged', ladder, row, {
            version,
            baseVersion: row.base_version,
            approvers: status.freshApprovals,
          });
          return { version };
        });
      } finally {
        if (published) {
          this.rooms.closeDocumentConnections(
            docName,
            ProposalCloseCode.published,
            `Published as version ${published.version}; this proposal is read-only now.`,
          );
        }
      }
      this.log.info(
        { ladder: ladder.slug, proposal: number, version: published.version },
        'proposal published',
      );
      return {
        version: published.version,
        proposal: await this.view(ladder, (await this.proposal(ladder, number))!),
      };
    });
  }

  /** What updating from published would do: one-sided changes taken, conflicts to resolve. */
  async updatePlan(slug: string, number: number): Promise<UpdatePlanView> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    if (!ACTIVE_STATES.includes(row.state)) throw readOnly(row);
    const latest = await latestVersion(this.db, ladder.id);
    const live = await this.liveState(row.document_name);
    const publishedVersion = latest?.number ?? 0;
    const plan =
      latest && latest.number > row.base_version
        ? planUpdateFromPublished(await this.baseContent(ladder, row), versionContent(latest), live.content)
        : { fromPublished: [], conflicts: [] };
    return { baseVersion: row.base_version, publishedVersion, fingerprint: live.fingerprint, ...plan };
  }

  /**
   * Updates the proposal from the latest published version as its author confirmed it (see
   * `updatePlan`): one-sided changes are taken, each conflict as resolved, through its room so
   * editors see it at once; then its base moves there and approvals become stale. Refused when a
   * conflict has no resolution, or the proposal or the published line moved since the plan.
   */
  async updateFromPublished(
    slug: string,
    number: number,
    actor: Actor,
    confirm: UpdateConfirmation,
  ): Promise<ProposalDetail> {
    const ladder = await this.ladder(slug);
    const first = await this.proposal(ladder, number);
    await this.mutex.run(first.id, async () => {
      const row = await this.proposal(ladder, number);
      if (!ACTIVE_STATES.includes(row.state)) throw readOnly(row);
      const latest = await latestVersion(this.db, ladder.id);
      if (!latest || latest.number <= row.base_version) return;
      if (confirm.publishedVersion !== latest.number) {
        throw new HttpError(
          409,
          'published_moved',
          `Version ${latest.number} was published after you reviewed this update (against version ${confirm.publishedVersion}). Review the update again.`,
        );
      }
      const baseContent = await this.baseContent(ladder, row);
      const publishedContent = versionContent(latest);
      await this.rooms.change(row.document_name, (doc) => {
        if (stateFingerprint(doc) !== confirm.fingerprint) {
          throw new HttpError(
            409,
            'proposal_changed',
            'The proposal was edited after you reviewed this update. Review the update again.',
          );
        }
        let merged: LadderContent;
        try {
          merged = mergeUpdateFromPublished(
            baseContent,
            publishedContent,
            readLadderContent(doc),
            confirm.resolutions,
          );
        } catch (err) {
          if (err instanceof UpdateResolutionError)
            throw new HttpError(400, 'unresolved_conflicts', err.message);
          throw err;
        }
        applyUpdateFromPublished(doc, latest.yjs_state, merged);
      });
      const fingerprint = await this.rooms.read(row.document_name, stateFingerprint);
      await this.db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        const current = (await findProposal(trx, ladder.id, number))!;
        const status = reviewStatus((await verdictsOf(trx, [row.id])).get(row.id) ?? [], fingerprint);
        const state = effectiveState(current.state, status, ladder.requiredApprovals);
        await trx
          .updateTable('proposals')
          .set({ base_version: latest.number, state, updated_at: now })
          .where('id', '=', row.id)
          .execute();
        await this.audit(trx, actor, 'proposal.updated_from_published', ladder, row, {
          fromVersion: row.base_version,
          toVersion: latest.number,
          resolutions: Object.fromEntries(
            Object.entries(confirm.resolutions).map(([id, r]) => [id, r.choice]),
          ),
          ...(state !== current.state ? { from: current.state, to: state } : {}),
        });
      });
    });
    return this.detail(slug, number);
  }

  private async baseContent(ladder: LadderRef, row: ProposalRow): Promise<LadderContent> {
    const base = row.base_version > 0 ? await getVersion(this.db, ladder.id, row.base_version) : undefined;
    return versionContent(base);
  }

  // ---------------------------------------------------------------- verdicts

  async addVerdict(
    slug: string,
    number: number,
    actor: Actor,
    input: { verdict: 'approve' | 'request_changes'; body?: string; fingerprint?: string },
  ): Promise<{ verdict: ReviewerView; proposal: ProposalView }> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    if (row.author_id === actor.user.id) {
      throw new HttpError(
        403,
        'own_proposal',
        input.verdict === 'approve'
          ? 'You cannot approve your own proposal; another reviewer has to.'
          : 'You cannot give a verdict on your own proposal; edit it or comment instead.',
      );
    }
    if (row.state === 'draft') {
      throw new HttpError(
        409,
        'not_open',
        'This proposal is still a draft; verdicts come once its author opens it for review.',
      );
    }
    if (!REVIEW_STATES.includes(row.state)) throw readOnly(row);
    const fingerprint = await this.rooms.read(row.document_name, stateFingerprint);
    if (input.fingerprint !== undefined && input.fingerprint !== fingerprint) {
      throw new HttpError(
        409,
        'proposal_changed',
        'The proposal changed since you loaded it. Look at the latest changes, then give your verdict again.',
      );
    }
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('proposal_verdicts')
        .values({
          proposal_id: row.id,
          reviewer_id: actor.user.id,
          verdict: input.verdict,
          body: input.body?.trim() ?? '',
          fingerprint,
          base_version: row.base_version,
          created_at: now,
        })
        .execute();
      const status = reviewStatus((await verdictsOf(trx, [row.id])).get(row.id) ?? [], fingerprint);
      const current = (await findProposal(trx, ladder.id, number))!;
      const state = effectiveState(current.state, status, ladder.requiredApprovals);
      if (state !== current.state) {
        await trx.updateTable('proposals').set({ state, updated_at: now }).where('id', '=', row.id).execute();
      }
      await this.audit(
        trx,
        actor,
        input.verdict === 'approve' ? 'proposal.approved' : 'proposal.changes_requested',
        ladder,
        row,
        { fingerprint, ...(state !== current.state ? { from: current.state, to: state } : {}) },
      );
    });
    const proposal = await this.view(ladder, (await this.proposal(ladder, number))!);
    return {
      verdict: {
        reviewer: { id: actor.user.id, name: actor.user.name },
        verdict: input.verdict,
        fresh: true,
        body: input.body?.trim() ?? '',
        at: now,
      },
      proposal,
    };
  }

  /** Every verdict, oldest first, with whether it still applies to the current state. */
  async verdicts(slug: string, number: number): Promise<ReviewerView[]> {
    const ladder = await this.ladder(slug);
    const row = await this.proposal(ladder, number);
    const verdicts = (await verdictsOf(this.db, [row.id])).get(row.id) ?? [];
    const fingerprint = verdicts.length ? await this.rooms.read(row.document_name, stateFingerprint) : '';
    const refs = await userRefs(
      this.db,
      verdicts.map((v) => v.reviewer_id),
    );
    return verdicts.map((v) => reviewerView(v, v.fingerprint === fingerprint, refs));
  }

  // ---------------------------------------------------------------- internals

  private async liveState(documentName: string): Promise<LiveState> {
    return this.rooms.read(documentName, liveStateOfDoc);
  }

  private async status(row: ProposalRow, fingerprint: string): Promise<ReviewStatus> {
    return reviewStatus((await verdictsOf(this.db, [row.id])).get(row.id) ?? [], fingerprint);
  }

  /** Throws 409 with every reason the proposal can't be published from `live` right now. */
  /**
   * Throws 409 with every reason the proposal can't be published from `live` right now;
   * otherwise returns what publishing it gives.
   */
  private async assertMergeable(ladder: LadderRef, row: ProposalRow, live: LiveState, db: Db) {
    const verdicts = (await verdictsOf(db, [row.id])).get(row.id) ?? [];
    const status = reviewStatus(verdicts, live.fingerprint);
    const latest = await latestVersion(db, ladder.id);
    const base = row.base_version > 0 ? await getVersion(db, ladder.id, row.base_version) : undefined;
    if (row.base_version > 0 && !base) {
      throw new Error(`base version ${row.base_version} of ${ladder.slug} is missing`);
    }
    const active = ACTIVE_STATES.includes(row.state);
    const previous = latest ? versionContent(latest) : null;
    const conflicts =
      active && latest && latest.number > row.base_version
        ? detectConflicts(versionContent(base), live.content, previous!)
        : [];
    const merged = active
      ? applyOnto(latest?.yjs_state ?? null, proposalDelta(live.state, base?.yjs_state ?? null))
      : null;
    const blockers = mergeBlockers({
      state: row.state,
      status,
      requiredApprovals: ladder.requiredApprovals,
      conflicts,
      unchanged: merged !== null && previous !== null && isEmpty(diffLadders(previous, merged.content)),
    });
    if (blockers.length > 0 || !merged) {
      throw new HttpError(409, blockers[0]!.code, blockers.map((b) => b.message).join(' '));
    }
    return { status, latest, previous, merged };
  }

  private async transition(
    slug: string,
    number: number,
    actor: Actor,
    apply: (trx: Db, ladder: LadderRef, row: ProposalRow, now: string) => Promise<void>,
  ): Promise<ProposalView> {
    const ladder = await this.ladder(slug);
    const first = await this.proposal(ladder, number);
    await this.mutex.run(first.id, () =>
      this.db.transaction().execute(async (trx) => {
        const now = new Date().toISOString();
        await lockLadder(trx, ladder.id, now);
        const row = (await findProposal(trx, ladder.id, number))!;
        await apply(trx, ladder, row, now);
      }),
    );
    return this.view(ladder, (await this.proposal(ladder, number))!);
  }

  private views(
    ladder: LadderRef,
    rows: ProposalRow[],
    known?: Map<string, string>,
  ): Promise<ProposalView[]> {
    return proposalViews(this.db, this.rooms, ladder, rows, known);
  }

  private async audit(
    trx: Db,
    actor: Actor,
    action: string,
    ladder: LadderRef,
    row: ProposalRow,
    details: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(trx, {
      actor: { id: actorUserId(actor) ?? 'system', label: actor.user.email },
      action,
      target: `proposal:${ladder.slug}#${row.number}`,
      details: { ladder: ladder.slug, proposal: row.number, title: row.title, ...details },
      ip: actor.ip,
    });
  }
}

function requireTitle(title: string): string {
  const t = title.trim();
  if (!t)
    throw new HttpError(400, 'invalid_title', 'A proposal needs a title: it becomes the changelog entry.');
  return t;
}

function notPublishedYet(): HttpError {
  return new HttpError(
    409,
    'not_published',
    'This ladder has no published version yet. Publish its first proposal (#1) before starting another one.',
  );
}

function readOnly(row: ProposalRow): HttpError {
  return row.state === 'merged'
    ? new HttpError(
        409,
        'already_merged',
        `Proposal #${row.number} is published (version ${row.merged_version}); it can no longer change.`,
      )
    : new HttpError(409, 'closed', `Proposal #${row.number} is closed; reopen it first.`);
}

function liveStateOfDoc(doc: Y.Doc): LiveState {
  return {
    state: Y.encodeStateAsUpdate(doc),
    fingerprint: stateFingerprint(doc),
    content: readLadderContent(doc),
  };
}

function liveStateOf(state: Uint8Array): LiveState {
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, state);
    return liveStateOfDoc(doc);
  } finally {
    doc.destroy();
  }
}
