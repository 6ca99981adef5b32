import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isImportError, type ImportResult } from '@rungs/shared';
import { ImportPoolBusy, ImportTooComplex } from '../../../imports/import-pool.ts';
import { HttpError } from '../../../plugins/errors.ts';
import { ImportErrorResponse, PreviewBody, PreviewResponse } from '@rungs/shared/api/imports';

/** 20 MB documents must get a clear "too large" answer, not a dropped connection. */
const IMPORT_BODY_LIMIT = 40 * 1024 * 1024;

/**
 * `POST /api/imports/preview`: detect and parse a document into a ladder and its warnings,
 * creating nothing. The wizard shows the preview, lets the user fix it, then creates the ladder
 * with `POST /api/ladders { content }`.
 */
const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/imports/preview',
    {
      config: { access: 'edit' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        body: PreviewBody,
        response: {
          200: PreviewResponse,
          400: ImportErrorResponse,
          413: ImportErrorResponse,
          422: ImportErrorResponse,
          503: ImportErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { text, base64, filename, format, title, sheet } = request.body;
      if ((text === undefined) === (base64 === undefined)) {
        throw new HttpError(
          400,
          'invalid_request',
          'Send the document either as "text" or as "base64", not both.',
        );
      }
      const source = text ?? new Uint8Array(Buffer.from(base64!, 'base64'));
      let result: ImportResult;
      try {
        result = await app.imports.run(source, {
          format,
          filename,
          title,
          ...(sheet !== undefined ? { sheet } : {}),
        });
        app.metrics.imports.inc({ outcome: 'ok' });
      } catch (err) {
        app.metrics.imports.inc({ outcome: importOutcome(err) });
        if (err instanceof ImportPoolBusy) {
          return reply
            .status(503)
            .header('retry-after', String(err.retryAfterSeconds))
            .send({ error: { code: 'import_busy', message: err.message } });
        }
        if (err instanceof ImportTooComplex)
          return reply.status(422).send({ error: { code: 'import_too_complex', message: err.message } });
        if (!isImportError(err) || err.code === 'internal') throw err;
        const status = err.code === 'too_large' ? 413 : 422;
        return reply.status(status).send({
          error: {
            code: err.code,
            message: err.message,
            ...(err.line !== undefined ? { line: err.line } : {}),
          },
        });
      }
      return result;
    },
  );
};

/** The `outcome` label of `rungs_imports_total`: the code the client is refused with. */
function importOutcome(err: unknown): string {
  if (err instanceof ImportPoolBusy) return 'import_busy';
  if (err instanceof ImportTooComplex) return 'import_too_complex';
  if (isImportError(err)) return err.code;
  return 'error';
}

export default importsRoutes;
