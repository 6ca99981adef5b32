import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../auth/actor.ts';
import { DomainError } from '../../../domain-errors.ts';
import type { ProposalListFilter } from '../../../proposals/proposal-service.ts';
import { ErrorResponse, ErrorResponses } from '@rungs/shared/api/errors';
import { SlugParams } from '@rungs/shared/api/ladders';
import { VersionSchema } from '@rungs/shared/api/versions';
import { LadderContentBody } from '@rungs/shared/api/diff';
import { signalAfterWrites } from '../../../notifications/notification-signals.ts';
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
  signalAfterWrites(app);
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
      return app.proposals.overview(user, await app.notifications.awaitingReviewOf(user));
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
    // Like every route that reads a proposal's live document, the service asks the document policy.
    async (request) => ({
      proposal: await app.proposals.detail(request.params.slug, request.params.number, request.user),
    }),
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
    async (request) => ({
      content: await app.proposals.content(request.params.slug, request.params.number, request.user),
    }),
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
          app.metrics.merges.inc({ outcome: err instanceof DomainError ? err.code : 'error' });
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
    async (request) => ({
      plan: await app.proposals.updatePlan(request.params.slug, request.params.number, request.user),
    }),
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
    async (request) => ({
      settings: {
        requiredApprovals: await app.proposals.setRequiredApprovals(
          request.params.slug,
          request.body.requiredApprovals,
          actorOf(request),
        ),
      },
    }),
  );
};

export default proposalsRoutes;
