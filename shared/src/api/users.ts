import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from './session.ts';

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  disabled: Type.Boolean(),
  invited: Type.Boolean(),
  createdAt: Type.String(),
});

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 320 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    /** Without a password the account is an invitation: the response carries the link to share. */
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    role: Type.Optional(RoleSchema),
    disabled: Type.Optional(Type.Boolean()),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

/** An account as the admin page sees it. */
export type UserAccount = Static<typeof UserSchema>;
export type CreateUserInput = Static<typeof CreateUserBody>;
export type UserPatch = Static<typeof UpdateUserBody>;
