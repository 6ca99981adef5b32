import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';

/** Serves the built web app, with index.html for every client-side route. */
export default fp<{ webDist: string }>(
  async (app, opts) => {
    const indexFile = path.join(opts.webDist, 'index.html');
    if (!fs.existsSync(indexFile)) {
      app.log.warn(`web app not built (${indexFile} is missing): run "pnpm build:web"`);
      return;
    }
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, index: false });
    const serveIndex = async (_req: unknown, reply: any) => reply.type('text/html').sendFile('index.html');
    app.get('/', serveIndex);
    app.get('/*', async (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/collab/')) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `No route for ${request.url}.` } });
      }
      const file = path.join(opts.webDist, decodeURIComponent(request.url.split('?')[0]!));
      if (file.startsWith(opts.webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(opts.webDist, file));
      }
      return serveIndex(request, reply);
    });
  },
  { name: 'static-web' },
);
