import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { LadderContentError } from '@rungs/shared';
import { drainRequest } from './drain-request.ts';
import { DocumentNotWritableError } from '../collab/group-commit.ts';
import { ImportPoolBusy, ImportTooComplex } from '../imports/import-pool.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../domain-errors.ts';

/**
 * A failure the user can act on, with its HTTP status: becomes `{ error: { code, message } }`.
 * Services and commands throw the domain errors of `../domain-errors.ts` instead.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const formatMb = (mb: number) => (Number.isInteger(mb) ? String(mb) : mb.toFixed(1));

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);

/** The HTTP status of each kind of domain error. */
const DOMAIN_STATUS: ReadonlyArray<[new (...args: never[]) => DomainError, number]> = [
  [InvalidInputError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
];

function domainStatus(err: DomainError): number {
  return DOMAIN_STATUS.find(([kind]) => err instanceof kind)?.[1] ?? 400;
}

export default fp(
  async (app) => {
    app.setErrorHandler(async (err: FastifyError | HttpError | DomainError, request, reply) => {
      if ((err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        // Fastify asks to close the connection, as the client may still be sending; read the rest
        // first (within reason) so the client gets this answer instead of a broken pipe.
        if (await drainRequest(request.raw)) reply.removeHeader('connection');
        const limitMb = (request.routeOptions.bodyLimit ?? 0) / (1024 * 1024);
        return reply.status(413).send({
          error: {
            code: 'body_too_large',
            message: `This request is larger than the server accepts (${formatMb(limitMb)} MB). Send less at once.`,
          },
        });
      }
      if (err instanceof HttpError || err instanceof DomainError) {
        const status = err instanceof HttpError ? err.statusCode : domainStatus(err);
        return reply.status(status).send({ error: { code: err.code, message: err.message } });
      }
      if (err instanceof DocumentNotWritableError) {
        return reply.status(409).send({
          error: {
            code: 'document_read_only',
            message:
              'This document became read-only (published or closed) while the change was being saved; nothing was changed. Reload to see its current state.',
          },
        });
      }
      if (err instanceof ImportPoolBusy) {
        return reply
          .status(503)
          .header('retry-after', String(err.retryAfterSeconds))
          .send({ error: { code: 'import_busy', message: err.message } });
      }
      if (err instanceof ImportTooComplex) {
        return reply.status(422).send({ error: { code: 'import_too_complex', message: err.message } });
      }
      if (err instanceof LadderContentError) {
        return reply.status(400).send({ error: { code: 'invalid_ladder', message: err.message } });
      }
      if ((err as FastifyError).validation) {
        return reply.status(400).send({
          error: { code: 'invalid_request', message: `The request is not valid: ${err.message}` },
        });
      }
      const status = (err as FastifyError).statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err }, 'request failed');
        return reply.status(status).send({
          error: {
            code: 'internal',
            message: 'Something went wrong on the server. Try again; if it persists, tell your admin.',
          },
        });
      }
      return reply.status(status).send({
        error: { code: (err as FastifyError).code?.toLowerCase() ?? 'bad_request', message: err.message },
      });
    });
    app.setNotFoundHandler((request, reply) => {
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url}.` } });
    });
  },
  { name: 'errors' },
);
