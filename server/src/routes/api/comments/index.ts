import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../../auth/actor.ts';
import { ErrorResponses } from '@rungs/shared/api/errors';
import { ProposalParams } from '@rungs/shared/api/proposals';
import { signalAfterWrites } from '../../../notifications/notification-signals.ts';
import {
  CommentListQuery,
  CommentParams,
  CommentResponse,
  CreateCommentBody,
  EditCommentBody,
  ThreadListResponse,
} from '@rungs/shared/api/comments';

const tags = ['comments'];
const errors = ErrorResponses;

/** Threaded, resolvable comments on a proposal or on one of its cells. */
const commentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  signalAfterWrites(app);
  const proposalOf = async (slug: string, number: number) =>
    app.proposals.proposal(await app.proposals.ladder(slug), number);

  app.get(
    '/ladders/:slug/proposals/:number/comments',
    {
      config: { access: 'readDrafts' },
      schema: {
        tags,
        summary: 'Comment threads, oldest first',
        params: ProposalParams,
        querystring: CommentListQuery,
        response: { 200: ThreadListResponse, ...errors },
      },
    },
    async (request) => {
      const proposal = await proposalOf(request.params.slug, request.params.number);
      return { threads: await app.proposalComments.threads(proposal, { cellKey: request.query.cellKey }) };
    },
  );

  app.post(
    '/ladders/:slug/proposals/:number/comments',
    {
      config: { access: 'review' },
      schema: {
        tags,
        summary: 'Comment on the proposal, on a cell, or reply in a thread',
        params: ProposalParams,
        body: CreateCommentBody,
        response: { 201: CommentResponse, ...errors },
      },
    },
    async (request, reply) => {
      const proposal = await proposalOf(request.params.slug, request.params.number);
      const comment = await app.proposalComments.create(proposal, actorOf(request), request.body);
      return reply.status(201).send({ comment });
    },
  );

  app.patch(
    '/ladders/:slug/proposals/:number/comments/:id',
    {
      config: { access: 'review' },
      schema: {
        tags,
        summary: 'Edit your comment',
        params: CommentParams,
        body: EditCommentBody,
        response: { 200: CommentResponse, ...errors },
      },
    },
    async (request) => {
      const proposal = await proposalOf(request.params.slug, request.params.number);
      return {
        comment: await app.proposalComments.edit(
          proposal,
          request.params.id,
          actorOf(request),
          request.body.body,
        ),
      };
    },
  );

  app.delete(
    '/ladders/:slug/proposals/:number/comments/:id',
    {
      config: { access: 'review' },
      schema: {
        tags,
        summary: 'Delete your comment (admins: any); its thread stays',
        params: CommentParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errors },
      },
    },
    async (request, reply) => {
      const proposal = await proposalOf(request.params.slug, request.params.number);
      await app.proposalComments.remove(proposal, request.params.id, actorOf(request));
      return reply.status(204).send();
    },
  );

  for (const [action, resolved] of [
    ['resolve', true],
    ['unresolve', false],
  ] as const) {
    app.post(
      `/ladders/:slug/proposals/:number/comments/:id/${action}`,
      {
        config: { access: 'review' },
        schema: {
          tags,
          summary: resolved ? 'Resolve the thread of this comment' : 'Reopen the thread of this comment',
          params: CommentParams,
          response: { 200: CommentResponse, ...errors },
        },
      },
      async (request) => {
        const proposal = await proposalOf(request.params.slug, request.params.number);
        return {
          comment: await app.proposalComments.setResolved(
            proposal,
            request.params.id,
            actorOf(request),
            resolved,
          ),
        };
      },
    );
  }
};

export default commentsRoutes;
