import { Type, type Static } from '@sinclair/typebox';

/** One entry of the audit log: who did what to what, from where. */
export const AuditEventSchema = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actor: Type.String({ description: 'The actor\'s email at the time, or "anonymous"/"system".' }),
    action: Type.String(),
    target: Type.String({ description: '`user:<id>`, `email:<address>`, `ladder:<id>`…' }),
    details: Type.Record(Type.String(), Type.Unknown()),
    ip: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'AuditEvent' },
);

export const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
});

export const AuditListResponse = Type.Object({ events: Type.Array(AuditEventSchema) });

export type AuditEvent = Static<typeof AuditEventSchema>;
