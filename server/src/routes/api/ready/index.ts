import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NotReadyResponse, ReadyResponse } from '@rungs/shared/api/ready';

/** Readiness: whether a load balancer should send this instance traffic (see `ops/readiness.ts`). */
const readyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary:
          'Readiness: the database (and Redis, when configured) answer and the instance is not draining',
        description:
          'Answers 503 with the failed check and a reason while a dependency is unreachable (each probe ' +
          'is bounded by RUNGS_READY_TIMEOUT_MS), or with status "draining" once shutdown has started.',
        response: { 200: ReadyResponse, 503: NotReadyResponse },
      },
    },
    async (_request, reply) => {
      const report = await app.readiness.report();
      reply.header('cache-control', 'no-store');
      if (report.status === 'ready') return report;
      return reply.status(503).send(report);
    },
  );
};

export default readyRoutes;
