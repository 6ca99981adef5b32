import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeLadderLimitProblem } from '@rungs/shared';
import { contentLimitProblem } from '../../../ladders/content-limits.ts';
import { LadderService } from '../../../ladders/ladder-service.ts';
import { startingContent } from '../../../ladders/starting-content.ts';
import { HttpError } from '../../../plugins/errors.ts';
import { ErrorResponse } from '@rungs/shared/api/errors';
import {
  CreateLadderBody,
  LadderListResponse,
  LadderResponse,
  ListQuery,
  SlugParams,
  UpdateLadderBody,
} from '@rungs/shared/api/ladders';

const laddersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ladders = new LadderService(app.db, app.rooms);

  app.get(
    '/ladders',
    {
      config: { access: 'readPublished' },
      schema: { tags: ['ladders'], querystring: ListQuery, response: { 200: LadderListResponse } },
    },
    async (request) => ({
      ladders: await ladders.list(request.user!, { includeArchived: request.query.archived }),
    }),
  );

  app.post(
    '/ladders',
    {
      config: { access: 'edit' },
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags: ['ladders'],
        body: CreateLadderBody,
        response: {
          201: LadderResponse,
          400: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          413: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { title, track, ...start } = request.body;
      const valid = await startingContent(app.db, start, request.user!);
      const limit = valid && contentLimitProblem(valid);
      if (limit) throw new HttpError(422, 'ladder_too_large', describeLadderLimitProblem(limit));
      const ladder = await ladders.create({
        title,
        track,
        content: valid,
        authorId: request.user!.id,
        reader: request.user!,
      });
      return reply.status(201).send({ ladder });
    },
  );

  app.get(
    '/ladders/:slug',
    {
      config: { access: 'readPublished' },
      schema: {
        tags: ['ladders'],
        params: SlugParams,
        response: { 200: LadderResponse, 404: ErrorResponse },
      },
    },
    async (request) => ({ ladder: await ladders.getBySlug(request.params.slug, request.user!) }),
  );

  app.patch(
    '/ladders/:slug',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['ladders'],
        params: SlugParams,
        body: UpdateLadderBody,
        response: { 200: LadderResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => ({ ladder: await ladders.update(request.params.slug, request.body, request.user!) }),
  );

  app.post(
    '/ladders/:slug/archive',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['ladders'],
        params: SlugParams,
        response: { 200: LadderResponse, 404: ErrorResponse },
      },
    },
    async (request) => ({ ladder: await ladders.setArchived(request.params.slug, true, request.user!) }),
  );

  app.post(
    '/ladders/:slug/unarchive',
    {
      config: { access: 'edit' },
      schema: {
        tags: ['ladders'],
        params: SlugParams,
        response: { 200: LadderResponse, 404: ErrorResponse },
      },
    },
    async (request) => ({ ladder: await ladders.setArchived(request.params.slug, false, request.user!) }),
  );
};

export default laddersRoutes;
