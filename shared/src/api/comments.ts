import { Type, type Static } from '@sinclair/typebox';
import { CELL_KEY_PATTERN } from './comment-keys.ts';
import { UserRefSchema } from './diff.ts';

const NullableStr = Type.Union([Type.String(), Type.Null()]);

const commentProperties = {
  id: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()]),
  cellKey: Type.Union([Type.String(), Type.Null()], {
    description: '`levelId:competencyId`, or null for the whole proposal.',
  }),
  author: UserRefSchema,
  body: Type.String({ description: 'Empty once deleted.' }),
  deleted: Type.Boolean(),
  createdAt: Type.String(),
  editedAt: NullableStr,
  resolvedAt: NullableStr,
  resolvedBy: Type.Union([UserRefSchema, Type.Null()]),
};

export const CommentSchema = Type.Object(commentProperties, { title: 'Comment' });
export const ThreadSchema = Type.Object(
  { ...commentProperties, replies: Type.Array(CommentSchema) },
  { title: 'CommentThread' },
);

export const CommentParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100 }),
  number: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  id: Type.Integer({ minimum: 1 }),
});

export const CommentListQuery = Type.Object({
  cellKey: Type.Optional(
    Type.String({ pattern: CELL_KEY_PATTERN, description: 'Only the threads on this cell.' }),
  ),
});

export const CreateCommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    cellKey: Type.Optional(Type.Union([Type.String({ pattern: CELL_KEY_PATTERN }), Type.Null()])),
    parentId: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'Reply to this comment (joins its thread).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const EditCommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);

export const ThreadListResponse = Type.Object({ threads: Type.Array(ThreadSchema) });
export const CommentResponse = Type.Object({ comment: CommentSchema });

export type Comment = Static<typeof CommentSchema>;
export type Thread = Static<typeof ThreadSchema>;
export type CreateCommentInput = Static<typeof CreateCommentBody>;
