import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from './roles.ts';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const SessionUserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
});

export const SessionResponse = Type.Object({
  user: Type.Union([SessionUserSchema, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  needsSetup: Type.Boolean(),
});

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export type SessionInfo = Static<typeof SessionResponse>;
