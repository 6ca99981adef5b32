import fp from 'fastify-plugin';
import { REQUEST_ID_HEADER } from '../ops/request-id.ts';

/**
 * Every answer carries its request id (`X-Request-Id`), the `reqId` of its log lines, so a
 * report from a user or a load balancer's log leads to the server's lines for that request.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  },
  { name: 'request-id' },
);
