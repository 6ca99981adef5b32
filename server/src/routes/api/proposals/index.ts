import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { recordAudit } from '../../../audit/audit-log.ts';
import { assertDocumentReadable, seesUnpublishedWork } from '../../../auth/document-policy.ts';
import type { SessionUser } from '../../../auth/roles.ts';
import { ACTIVE_STATES, REVIEW_STATES } from '../../../reviews/review-status.ts';
import { actorOf } from '../../../proposals/actor.ts';
import { HttpError } from '../../../plugins/errors.ts';
import type { ProposalListFilter } from '../../../proposals/proposal-service.ts';
import { ErrorResponse, ErrorResponses } from '@rungs/shared/api/errors';
import { SlugParams } from '@rungs/shared/api/ladders';
import { VersionSchema } from '@rungs/shared/api/versions';
import { LadderContentBody } from '@rungs/shared/api/diff';
import {
  CreateProposalBody,
  OverviewResponse,
  ProposalDetailResponse,
  ProposalListQuery,
  ProposalListResponse,
  ProposalParams,
  ProposalResponse,
  SettingsBody,
  SettingsResponse,
  UpdateFromPublishedBody,
  UpdatePlanResponse,
  UpdateProposalBody,
  VerdictBody,
  VerdictListResponse,
  VerdictResponse,
} from '@rungs/shared/api/proposals';

const tags = ['proposals'];
const errors = ErrorResponses;

/** Proposals (change requests on live branches), their verdicts, publishing, and review settings. */
const proposalsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** Routes that read a proposal's live document ask the document policy, like the websocket. */
  const assertProposalReadable = async (user: SessionUser | null, slug: string, number: number) => {
    const row = await app.proposals.proposal(await app.proposals.ladder(slug), number);
    await assertDocumentReadable(app.db, user, row.document_name);
  };

  app.get(
    '/proposals/overview',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Per ladder: the published version, proposals in progress and what awaits my review',
        response: { 200: OverviewResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      const user = actorOf(request).user;
      const seesDrafts = seesUnpublishedWork(user);
      const ladders = await app.db
        .selectFrom('ladders')
        .select(['id', 'slug'])
        .where('archived_at', 'is', null)
        .orderBy('title')
        .execute();
      const ids = ladders.map((l) => l.id);
      const versions = ids.length
        ? await app.db
            .selectFrom('versions')
            .select(['ladder_id', 'number', 'created_at'])
            .where('ladder_id', 'in', ids)
            .orderBy('number', 'desc')
            .execute()
        : [];
      const proposals =
        ids.length && seesDrafts
          ? await app.db
              .selectFrom('proposals')
              .select(['ladder_id', 'state'])
              .where('ladder_id', 'in', ids)
              .where('state', 'in', [...ACTIVE_STATES])
              .execute()
          : [];
      const awaiting = await app.notifications.awaitingReviewOf(user);
      return {
        ladders: ladders.map((l) => {
          const latest = versions.find((v) => v.ladder_id === l.id);
          const mine = proposals.filter((p) => p.ladder_id === l.id);
          return {
            slug: l.slug,
            publishedVersion: latest?.number ?? 0,
            publishedAt: latest?.created_at ?? null,
            drafts: mine.filter((p) => p.state === 'draft').length,
            inReview: mine.filter((p) => REVIEW_STATES.includes(p.state)).length,
            awaitingMyReview: awaiting.filter((a) => a.ladderSlug === l.slug).map((a) => a.proposalNumber),
          };
        }),
      };
    },
  );

  app.get(
    '/ladders/:slug/proposals',
    {
      config: { access: 'readDrafts' },
      schema: {
        tags,
        summary: "A ladder's proposals, newest first",
        params: SlugParams,
        querystring: ProposalListQuery,
        response: { 200: ProposalListResponse, ...errors },
      },
    },
    async (request) => ({
      proposals: await app.proposals.list(
        request.params.slug,
        request.query.state as ProposalListFilter | undefined,
      ),
    }),
  );

  app.post(
    '/ladders/:slug/proposals',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary: 'Start a proposal: a live fork of the latest published version',
        params: SlugParams,
        body: CreateProposalBody,
        response: { 201: ProposalResponse, ...errors },
      },
    },
    async (request, reply) => {
      const proposal = await app.proposals.create(request.params.slug, actorOf(request), request.body);
      return reply.status(201).send({ proposal });
    },
  );

  app.get(
    '/ladders/:slug/proposals/:number',
    {
      config: { access: 'readDrafts' },
      schema: {
        tags,
        summary: 'A proposal with its changes against its base, the merge preview, conflicts and checks',
        params: ProposalParams,
        response: { 200: ProposalDetailResponse, ...errors },
      },
    },
    async (request) => {
      await assertProposalReadable(request.user, request.params.slug, request.params.number);
      return { proposal: await app.proposals.detail(request.params.slug, request.params.number) };
    },
  );

  app.get(
    '/ladders/:slug/proposals/:number/content',
    {
      config: { access: 'readDrafts' },
      schema: {
        tags,
        summary: "The proposal's current ladder",
        params: ProposalParams,
        response: { 200: Type.Object({ content: LadderContentBody }), ...errors },
      },
    },
    async (request) => {
      await assertProposalReadable(request.user, request.params.slug, request.params.number);
      return { content: await app.proposals.content(request.params.slug, request.params.number) };
    },
  );

  app.patch(
    '/ladders/:slug/proposals/:number',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary: 'Change the title or description (the changelog entry)',
        params: ProposalParams,
        body: UpdateProposalBody,
        response: { 200: ProposalResponse, ...errors },
      },
    },
    async (request) => ({
      proposal: await app.proposals.updateMeta(request.params.slug, request.params.number, request.body),
    }),
  );

  for (const [action, summary] of [
    ['open', 'Open a draft for review'],
    ['close', 'Close without publishing (the document becomes read-only)'],
    ['reopen', 'Reopen a closed proposal'],
  ] as const) {
    app.post(
      `/ladders/:slug/proposals/:number/${action}`,
      {
        config: { access: 'edit' },
        schema: { tags, summary, params: ProposalParams, response: { 200: ProposalResponse, ...errors } },
      },
      async (request) => ({
        proposal: await app.proposals[action](request.params.slug, request.params.number, actorOf(request)),
      }),
    );
  }

  app.post(
    '/ladders/:slug/proposals/:number/merge',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary: 'Publish: merge the proposal into the published line as the next version',
        description:
          'Refused with 409 (code not_open, closed, already_merged, no_changes, changes_requested, not_enough_approvals or conflicts) when it cannot be published.',
        params: ProposalParams,
        response: {
          200: Type.Object({ version: VersionSchema, proposal: ProposalResponse.properties.proposal }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { slug, number } = request.params;
      const { version, proposal } = await app.proposals.merge(slug, number, actorOf(request)).then(
        (merged) => {
          app.metrics.merges.inc({ outcome: 'merged' });
          return merged;
        },
        (err: unknown) => {
          app.metrics.merges.inc({ outcome: err instanceof HttpError ? err.code : 'error' });
          throw err;
        },
      );
      const ladder = await app.proposals.ladder(slug);
      return { version: (await app.versions.get(ladder.id, slug, version)).version, proposal };
    },
  );

  app.get(
    '/ladders/:slug/proposals/:number/update-from-published',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary:
          'Preview updating from published: what is taken from the published line, and the conflicts to resolve',
        params: ProposalParams,
        response: { 200: UpdatePlanResponse, ...errors },
      },
    },
    async (request) => {
      await assertProposalReadable(request.user, request.params.slug, request.params.number);
      return { plan: await app.proposals.updatePlan(request.params.slug, request.params.number) };
    },
  );

  app.post(
    '/ladders/:slug/proposals/:number/update-from-published',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary:
          'Confirm updating from published, with a resolution for every conflict of the preview (approvals become stale)',
        params: ProposalParams,
        body: UpdateFromPublishedBody,
        response: { 200: ProposalDetailResponse, ...errors },
      },
    },
    async (request) => ({
      proposal: await app.proposals.updateFromPublished(
        request.params.slug,
        request.params.number,
        actorOf(request),
        request.body,
      ),
    }),
  );

  app.get(
    '/ladders/:slug/proposals/:number/verdicts',
    {
      config: { access: 'readDrafts' },
      schema: {
        tags,
        summary: 'Every verdict, oldest first',
        params: ProposalParams,
        response: { 200: VerdictListResponse, ...errors },
      },
    },
    async (request) => ({
      verdicts: await app.proposals.verdicts(request.params.slug, request.params.number),
    }),
  );

  app.post(
    '/ladders/:slug/proposals/:number/verdicts',
    {
      config: { access: 'review' },
      schema: {
        tags,
        summary: 'Approve or request changes (not on your own proposal)',
        params: ProposalParams,
        body: VerdictBody,
        response: { 201: VerdictResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await app.proposals.addVerdict(
        request.params.slug,
        request.params.number,
        actorOf(request),
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/ladders/:slug/settings',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['ladders'],
        summary: 'Ladder review settings: approvals needed to publish',
        params: SlugParams,
        body: SettingsBody,
        response: { 200: SettingsResponse, ...errors },
      },
    },
    async (request) => {
      const ladder = await app.proposals.ladder(request.params.slug);
      const { requiredApprovals } = request.body;
      await app.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('ladders')
          .set({ required_approvals: requiredApprovals, updated_at: new Date().toISOString() })
          .where('id', '=', ladder.id)
          .execute();
        await recordAudit(trx, {
          actor: { id: request.user!.id, label: request.user!.email },
          action: 'ladder.settings_changed',
          target: `ladder:${ladder.slug}`,
          details: { requiredApprovals: { from: ladder.requiredApprovals, to: requiredApprovals } },
          ip: request.ip,
        });
      });
      return { settings: { requiredApprovals } };
    },
  );
};

export default proposalsRoutes;
