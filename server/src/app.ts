import Fastify, { LogController, type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import { fastifyTrustProxy } from './auth/trust-proxy.ts';
import databasePlugin from './plugins/database.ts';
import collabPlugin from './plugins/collab.ts';
import errorsPlugin from './plugins/errors.ts';
import staticWebPlugin from './plugins/static-web.ts';
import authPlugin from './plugins/auth.ts';
import importsPlugin from './plugins/imports.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import requestIdPlugin from './plugins/request-id.ts';
import metricsPlugin from './plugins/metrics.ts';
import readinessPlugin from './plugins/readiness.ts';
import { requestIdFor } from './ops/request-id.ts';
import { closeWebsocketsForRestart } from './ops/restart-close.ts';
import sessionRoutes from './routes/api/session/index.ts';
import setupRoutes from './routes/api/setup/index.ts';
import usersRoutes from './routes/api/users/index.ts';
import auditRoutes from './routes/api/audit/index.ts';
import importsRoutes from './routes/api/imports/index.ts';
import exportsRoutes from './routes/api/exports/index.ts';
import healthRoutes from './routes/api/health/index.ts';
import readyRoutes from './routes/api/ready/index.ts';
import laddersRoutes from './routes/api/ladders/index.ts';
import ladderTemplatesRoutes from './routes/api/ladder-templates/index.ts';
import documentsRoutes from './routes/api/documents/index.ts';
import collabRoutes from './routes/collab/index.ts';
import openapiPlugin from './plugins/openapi.ts';
import proposalsPlugin from './proposals/plugin.ts';
import proposalsRoutes from './routes/api/proposals/index.ts';
import versionsRoutes from './routes/api/versions/index.ts';
import commentsRoutes from './routes/api/comments/index.ts';
import notificationsRoutes from './routes/api/notifications/index.ts';

export interface BuildAppOptions {
  config: Config;
  /** Pino options or false; tests pass false. */
  logger?: boolean | object;
}

/** Builds the whole Rungs server. Tests call this and `listen` on port 0 or use `inject`. */
export async function buildApp({ config, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    // A line per request buries what matters at the default level; `LOG_LEVEL=debug` brings them back.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(config.logLevel),
    }),
    // Imports of large documents go through their own route limit; everything else stays small.
    bodyLimit: 1024 * 1024,
    trustProxy: fastifyTrustProxy(config.auth.trustProxy),
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false } },
    requestIdHeader: false,
    genReqId: requestIdFor,
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(requestIdPlugin);
  await app.register(errorsPlugin);
  // Before the collab plugin, so the collaboration engine can count into `app.metrics`.
  await app.register(metricsPlugin, { ops: config.ops, host: config.host });
  await app.register(databasePlugin, { databaseUrl: config.databaseUrl });
  await app.register(readinessPlugin, { redisUrl: config.redisUrl, timeoutMs: config.ops.readyTimeoutMs });
  await app.register(collabPlugin, {
    collab: config.collab,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
  });
  await app.register(importsPlugin, { imports: config.imports });
  await app.register(securityHeadersPlugin);
  await app.register(authPlugin, {
    auth: config.auth,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
  });
  // Frames up to twice the limit are read so the collab route can say how big one was (1009 with a
  // reason); bigger ones ws refuses by itself (1009, no reason).
  await app.register(websocket, {
    options: { maxPayload: 2 * config.collab.maxMessageBytes },
    preClose: closeWebsocketsForRestart,
  });
  await app.register(proposalsPlugin);
  await app.register(openapiPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(readyRoutes);
      await api.register(sessionRoutes);
      await api.register(setupRoutes);
      await api.register(usersRoutes);
      await api.register(auditRoutes);
      await api.register(importsRoutes);
      await api.register(exportsRoutes);
      await api.register(laddersRoutes);
      await api.register(ladderTemplatesRoutes);
      await api.register(documentsRoutes);
      await api.register(proposalsRoutes);
      await api.register(versionsRoutes);
      await api.register(commentsRoutes);
      await api.register(notificationsRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(collabRoutes, { collab: config.collab });
  await app.register(staticWebPlugin, { webDist: config.webDist });
  return app;
}
