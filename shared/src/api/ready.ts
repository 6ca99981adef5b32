import { Type } from '@sinclair/typebox';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('not configured')]);

const Checks = Type.Object({ database: Check, redis: Check });

export const ReadyResponse = Type.Object({ status: Type.Literal('ready'), checks: Checks });

export const NotReadyResponse = Type.Union([
  Type.Object({ status: Type.Literal('not_ready'), checks: Checks, reason: Type.String() }),
  Type.Object({ status: Type.Literal('draining'), reason: Type.String() }),
]);
