import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { describeLadderLimitProblem, ladderLimitProblem, validateLadderContent } from '@rungs/shared';
import { BINARY_EXPORT_MEDIA_TYPES } from '@rungs/shared/export/office/index';
import { ErrorResponse } from '@rungs/shared/api/errors';
import { FileExportBody } from '@rungs/shared/api/exports';
import { fileStem } from '@rungs/shared/export/file-name';

/** A ladder at the largest size Rungs allows, as JSON, with room to spare. */
const EXPORT_BODY_LIMIT = 16 * 1024 * 1024;

/**
 * `POST /api/exports`: the ladder the browser sends, as a Word or Excel file. The caller sends
 * what it already reads (a live document or a published version), so this reveals nothing; it is
 * bounded like an import (body size, the ladder's limits, the worker pool's queue and time budget).
 */
const exportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/exports',
    {
      config: { access: 'readPublished' },
      bodyLimit: EXPORT_BODY_LIMIT,
      schema: {
        tags: ['exports'],
        summary: 'A ladder as a Word (.docx) or Excel (.xlsx) file',
        body: FileExportBody,
        response: {
          200: { type: 'string', format: 'binary', description: 'The file' },
          400: ErrorResponse,
          401: ErrorResponse,
          413: ErrorResponse,
          422: ErrorResponse,
          503: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { format, name } = request.body;
      const content = validateLadderContent(request.body.content);
      const tooLarge = ladderLimitProblem(content, Buffer.byteLength(JSON.stringify(content)));
      if (tooLarge) {
        return reply
          .status(413)
          .send({ error: { code: 'too_large', message: describeLadderLimitProblem(tooLarge) } });
      }
      const bytes = await app.imports.exportBinary(content, format);
      return reply
        .type(BINARY_EXPORT_MEDIA_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileStem(name || content.title)}.${format}"`)
        .send(Buffer.from(bytes));
    },
  );
};

export default exportsRoutes;
