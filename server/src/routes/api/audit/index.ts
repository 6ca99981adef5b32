import { AuditListResponse, AuditQuery } from '@rungs/shared/api/audit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAuditEvents } from '../../../audit/audit-store.ts';

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditListResponse },
      },
    },
    async (request) => {
      const rows = await listAuditEvents(app.db, {
        limit: request.query.limit ?? 100,
        before: request.query.before,
        actionPrefix: request.query.action,
      });
      return {
        events: rows.map((r) => ({
          id: Number(r.id),
          at: r.at,
          actorId: r.actor_id,
          actor: r.actor_label,
          action: r.action,
          target: r.target,
          details: JSON.parse(r.details) as Record<string, unknown>,
          ip: r.ip,
        })),
      };
    },
  );
};

export default auditRoutes;
