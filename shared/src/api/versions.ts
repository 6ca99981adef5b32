import { Type, type Static } from '@sinclair/typebox';
import { DiffViewSchema, LadderContentBody, LevelComparisonSchema, UserRefSchema } from './diff.ts';

export const VersionSelectorSchema = Type.String({
  pattern: '^(latest|[1-9][0-9]{0,8})$',
  description: 'A version number, or `latest` for the published ladder.',
});

export const VersionParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100 }),
  version: VersionSelectorSchema,
});
export const VersionDiffParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100 }),
  from: VersionSelectorSchema,
  to: VersionSelectorSchema,
});

export const VersionSchema = Type.Object(
  {
    number: Type.Integer(),
    title: Type.String(),
    description: Type.String(),
    publishedAt: Type.String(),
    author: Type.Union([UserRefSchema, Type.Null()]),
    publishedBy: Type.Union([UserRefSchema, Type.Null()]),
    approvers: Type.Array(UserRefSchema),
    proposalNumber: Type.Union([Type.Integer(), Type.Null()]),
  },
  { title: 'Version' },
);
export type VersionView = Static<typeof VersionSchema>;

export const VersionListResponse = Type.Object({ versions: Type.Array(VersionSchema) });
export const VersionResponse = Type.Object({ version: VersionSchema, content: LadderContentBody });
export const VersionDiffResponse = Type.Object({
  from: VersionSchema,
  to: VersionSchema,
  diff: DiffViewSchema.properties.diff,
  summary: DiffViewSchema.properties.summary,
});

export const CompareQuery = Type.Object({
  lower: Type.String({ minLength: 1, maxLength: 64, description: 'Id of the lower level.' }),
  higher: Type.String({ minLength: 1, maxLength: 64, description: 'Id of the higher level.' }),
  granularity: Type.Optional(Type.Union([Type.Literal('word'), Type.Literal('sentence')])),
});
export const CompareResponse = Type.Object({ version: VersionSchema, comparison: LevelComparisonSchema });

export const RestoreBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** Open it for review at once (default: a draft). */
    open: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export function parseVersion(selector: string): number | 'latest' {
  return selector === 'latest' ? 'latest' : Number(selector);
}

export type VersionDiff = Static<typeof VersionDiffResponse>;
