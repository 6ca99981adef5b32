import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EXPORT_MEDIA_TYPES, exportLadder } from '@rungs/shared';
import {
  ANY_EXPORT_FORMATS,
  BINARY_EXPORT_MEDIA_TYPES,
  isBinaryExportFormat,
} from '@rungs/shared/export/office/index';
import { actorOf } from '../../../auth/actor.ts';
import { ErrorResponses } from '@rungs/shared/api/errors';
import { SlugParams } from '@rungs/shared/api/ladders';
import { ProposalResponse } from '@rungs/shared/api/proposals';
import {
  CompareQuery,
  CompareResponse,
  RestoreBody,
  VersionDiffParams,
  VersionDiffResponse,
  VersionListResponse,
  VersionParams,
  VersionResponse,
  parseVersion,
} from '@rungs/shared/api/versions';

const tags = ['versions'];
const errors = ErrorResponses;

/** The published line: history, any version, diffs between versions, level comparison, restore. */
const versionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/ladders/:slug/versions',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Version history, newest first',
        params: SlugParams,
        response: { 200: VersionListResponse, ...errors },
      },
    },
    async (request) => {
      const ladder = await app.proposals.ladder(request.params.slug);
      return { versions: await app.versions.list(ladder.id) };
    },
  );

  app.get(
    '/ladders/:slug/versions/:version/export',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Download a published version as Markdown, CSV, JSON, a printable HTML page, Word or Excel',
        params: VersionParams,
        querystring: Type.Object({
          format: Type.Union(ANY_EXPORT_FORMATS.map((f) => Type.Literal(f))),
          onePerPage: Type.Optional(Type.Boolean()),
        }),
        response: {
          // Text formats as text; Word and Excel as their bytes (sent as they are, not serialised).
          200: Type.Union([Type.String(), Type.Unsafe<Buffer>({ type: 'string', format: 'binary' })]),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { slug, version } = request.params;
      const { format, onePerPage } = request.query;
      const ladder = await app.proposals.ladder(slug);
      const found = await app.versions.get(ladder.id, slug, parseVersion(version));
      const document = isBinaryExportFormat(format)
        ? await app.imports.exportBinary(found.content, format)
        : exportLadder(found.content, format, { onePerPage });
      const filename = `${slug}-v${found.version.number}.${format}`;
      return reply
        .type(isBinaryExportFormat(format) ? BINARY_EXPORT_MEDIA_TYPES[format] : EXPORT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(typeof document === 'string' ? document : Buffer.from(document));
    },
  );

  app.get(
    '/ladders/:slug/versions/:version',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'A published version and its ladder (`latest` for the current one)',
        params: VersionParams,
        response: { 200: VersionResponse, ...errors },
      },
    },
    async (request) => {
      const { slug, version } = request.params;
      const ladder = await app.proposals.ladder(slug);
      return app.versions.get(ladder.id, slug, parseVersion(version));
    },
  );

  app.get(
    '/ladders/:slug/versions/:from/diff/:to',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'What changed from one version to another',
        params: VersionDiffParams,
        response: { 200: VersionDiffResponse, ...errors },
      },
    },
    async (request) => {
      const { slug, from, to } = request.params;
      const ladder = await app.proposals.ladder(slug);
      return app.versions.diff(ladder.id, slug, parseVersion(from), parseVersion(to));
    },
  );

  app.get(
    '/ladders/:slug/versions/:version/compare',
    {
      config: { access: 'readPublished' },
      schema: {
        tags,
        summary: 'Two levels side by side, with what is new in the higher one',
        params: VersionParams,
        querystring: CompareQuery,
        response: { 200: CompareResponse, ...errors },
      },
    },
    async (request) => {
      const { slug, version } = request.params;
      const { lower, higher, granularity } = request.query;
      const ladder = await app.proposals.ladder(slug);
      return app.versions.compare(ladder.id, slug, parseVersion(version), lower, higher, granularity);
    },
  );

  app.post(
    '/ladders/:slug/versions/:version/restore',
    {
      config: { access: 'edit' },
      schema: {
        tags,
        summary: 'Open a proposal whose content is this version',
        params: VersionParams,
        body: RestoreBody,
        response: { 201: ProposalResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, version } = request.params;
      const ladder = await app.proposals.ladder(slug);
      const selector = parseVersion(version);
      const number =
        selector === 'latest' ? (await app.versions.get(ladder.id, slug, 'latest')).version.number : selector;
      const proposal = await app.proposals.restore(slug, number, actorOf(request), request.body ?? {});
      return reply.status(201).send({ proposal });
    },
  );
};

export default versionsRoutes;
