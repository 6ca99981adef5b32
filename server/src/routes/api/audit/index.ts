import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAuditEvents } from '../../../audit/audit-store.ts';

const AuditEvent = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  ip: Type.Union([Type.String(), Type.Null()]),
});

const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          action: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: { 200: Type.Object({ events: Type.Array(AuditEvent) }) },
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
