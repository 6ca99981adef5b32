import { Type, type Static } from '@sinclair/typebox';
import { LadderContentSchema } from '../model/index.ts';

export const LadderSummarySchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  track: Type.String(),
  archived: Type.Boolean(),
  requiredApprovals: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  draftDocument: Type.Union([Type.String(), Type.Null()]),
});

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 100 }) });

export const ListQuery = Type.Object({ archived: Type.Optional(Type.Boolean()) });

/** A published version of another ladder to start from (its latest when `version` is omitted). */
export const LadderSourceSchema = Type.Object(
  {
    slug: Type.String({ minLength: 1, maxLength: 100 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** At most one starting point: `content`, `template` or `fromLadder`; none is a blank ladder. */
export const CreateLadderBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    /** Omitted: the track of the template or source ladder, if any. */
    track: Type.Optional(Type.String({ maxLength: 200 })),
    content: Type.Optional(LadderContentSchema),
    /** The id of one of `GET /api/ladder-templates`. */
    template: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    fromLadder: Type.Optional(LadderSourceSchema),
  },
  { additionalProperties: false },
);

export const UpdateLadderBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    track: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const LadderResponse = Type.Object({ ladder: LadderSummarySchema });
export const LadderListResponse = Type.Object({ ladders: Type.Array(LadderSummarySchema) });

export type Ladder = Static<typeof LadderSummarySchema>;
export type CreateLadderInput = Static<typeof CreateLadderBody>;
export type LadderSource = Static<typeof LadderSourceSchema>;
export type LadderPatch = Static<typeof UpdateLadderBody>;
