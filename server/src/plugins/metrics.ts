import http from 'node:http';
import fp from 'fastify-plugin';
import { collectDefaultMetrics } from 'prom-client';
import type { OpsConfig } from '../config.ts';
import { registerAppGauges } from '../ops/app-gauges.ts';
import { bearerMatches } from '../ops/metrics-auth.ts';
import { CollabMetrics } from '../ops/metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's counters and histograms, and the registry `/metrics` serves (`metrics.registry`). */
    metrics: CollabMetrics;
  }
}

export interface MetricsPluginOptions {
  ops: OpsConfig;
  host: string;
}

type MetricsAnswer = { status: number; headers: Record<string, string>; body: string };

/**
 * Prometheus metrics, in a registry of this app's own. Served at `GET /metrics` on the main port
 * when METRICS_TOKEN is set (with `Authorization: Bearer <token>`), and on a listener of its own
 * when METRICS_PORT is set; otherwise not served at all (404), though still counted.
 */
export default fp<MetricsPluginOptions>(
  async (app, { ops, host }) => {
    const metrics = new CollabMetrics();
    app.decorate('metrics', metrics);
    registerAppGauges(app, metrics.registry, { updateLogTimeoutMs: ops.readyTimeoutMs });
    const served = ops.metricsToken !== null || ops.metricsPort !== null;
    // Process metrics start timers and observers, so only when someone can read them.
    if (served) collectDefaultMetrics({ register: metrics.registry });

    const answer = async (authorization: string | undefined): Promise<MetricsAnswer> => {
      if (ops.metricsToken !== null && !bearerMatches(authorization, ops.metricsToken)) {
        return {
          status: 401,
          headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' },
          body: JSON.stringify({
            error: { code: 'unauthenticated', message: 'Send Authorization: Bearer <METRICS_TOKEN>.' },
          }),
        };
      }
      return {
        status: 200,
        headers: { 'content-type': metrics.registry.contentType },
        body: await metrics.registry.metrics(),
      };
    };

    if (ops.metricsToken !== null) {
      app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
        const { status, headers, body } = await answer(request.headers.authorization);
        return reply.status(status).headers(headers).send(body);
      });
    }

    if (ops.metricsPort !== null) {
      const port = ops.metricsPort;
      const server = http.createServer((req, res) => {
        const path = (req.url ?? '').split('?')[0];
        if (req.method !== 'GET' || path !== '/metrics') {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'not_found', message: 'Metrics are at GET /metrics.' } }));
          return;
        }
        answer(req.headers.authorization).then(
          ({ status, headers, body }) => {
            res.writeHead(status, headers);
            res.end(body);
          },
          (err: unknown) => {
            app.log.error({ err }, 'metrics: could not collect');
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('Could not collect metrics.');
          },
        );
      });
      // Listens with the app (`ready`, which `listen` runs), so a port in use fails the start.
      app.addHook('onReady', async () => {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => {
            server.off('error', reject);
            resolve();
          });
        });
        app.log.info(`metrics at http://${host}:${port}/metrics`);
      });
      app.addHook('onClose', async () => {
        if (!server.listening) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
    }
  },
  { name: 'metrics' },
);
