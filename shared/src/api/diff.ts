/**
 * JSON schemas of what the shared diff produces (`@rungs/shared` diff/types.ts), for responses and
 * the OpenAPI document. Keep in step with those types: each schema is typed as the domain type it
 * describes (`Typed`), so `Static<>` of a response is what the code builds and reads.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { LevelComparison } from '../diff/compare-levels.ts';
import type { Conflict, LadderDiff } from '../diff/types.ts';
import { LadderContentSchema, RichTextSchema, type LadderContent } from '../model/index.ts';

const Str = Type.String();
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** The same JSON schema, whose static type is the domain type `T` it describes. */
const Typed = <T>(schema: TSchema) => Type.Unsafe<T>(schema);

/** LadderContent without its `$id`, so it can be embedded in several route schemas. */
const { $id: _ladderContentId, ...ladderContent } = LadderContentSchema;
export const LadderContentBody = Typed<LadderContent>(ladderContent);

export const UserRefSchema = Type.Object({ id: Str, name: Str }, { title: 'UserRef' });

const Mark = Type.Object({ type: Str, attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())) });

export const SegmentSchema = Type.Object({
  kind: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]),
  text: Str,
  marks: Type.Optional(Type.Array(Mark)),
});

const BlockInfo = Type.Object({
  type: Str,
  level: Type.Optional(Type.Integer()),
  list: Type.Optional(Type.Union([Type.Literal('bullet'), Type.Literal('ordered')])),
  depth: Type.Optional(Type.Integer()),
  continuation: Type.Optional(Type.Literal(true)),
  quote: Type.Optional(Type.Literal(true)),
});

export const BlockDiffSchema = Type.Object(
  {
    op: Type.Union([
      Type.Literal('equal'),
      Type.Literal('insert'),
      Type.Literal('delete'),
      Type.Literal('change'),
    ]),
    block: BlockInfo,
    baseBlock: Type.Optional(BlockInfo),
    segments: Type.Array(SegmentSchema),
  },
  { title: 'BlockDiff' },
);

const ValueChange = Type.Object({ from: Str, to: Str });
const levelRef = { id: Str, code: Str, title: Str };
const competencyRef = { id: Str, name: Str, group: Str };
export const LevelRefSchema = Type.Object(levelRef);
export const CompetencyRefSchema = Type.Object(competencyRef);
const Attribute = Type.Object({ key: Str, value: Str });
const Blocks = Type.Array(BlockDiffSchema);

export const LadderDiffSchema = Typed<LadderDiff>(
  Type.Object(
    {
      ladder: Type.Object({
        title: Type.Optional(ValueChange),
        track: Type.Optional(ValueChange),
        description: Type.Optional(Blocks),
      }),
      levels: Type.Object({
        added: Type.Array(Type.Object({ ...levelRef, index: Type.Integer() })),
        removed: Type.Array(Type.Object({ ...levelRef, index: Type.Integer() })),
        renamed: Type.Array(
          Type.Object({
            ...levelRef,
            changes: Type.Object({ code: Type.Optional(ValueChange), title: Type.Optional(ValueChange) }),
          }),
        ),
        moved: Type.Array(Type.Object({ ...levelRef, from: Type.Integer(), to: Type.Integer() })),
        attributes: Type.Array(
          Type.Object({
            ...levelRef,
            added: Type.Array(Attribute),
            removed: Type.Array(Attribute),
            changed: Type.Array(Type.Object({ key: Str, from: Str, to: Str })),
            reordered: Type.Boolean(),
          }),
        ),
        summary: Type.Array(Type.Object({ ...levelRef, blocks: Blocks })),
      }),
      competencies: Type.Object({
        added: Type.Array(Type.Object({ ...competencyRef, index: Type.Integer() })),
        removed: Type.Array(Type.Object({ ...competencyRef, index: Type.Integer() })),
        renamed: Type.Array(
          Type.Object({
            ...competencyRef,
            changes: Type.Object({ name: Type.Optional(ValueChange), group: Type.Optional(ValueChange) }),
          }),
        ),
        moved: Type.Array(Type.Object({ ...competencyRef, from: Type.Integer(), to: Type.Integer() })),
        description: Type.Array(Type.Object({ ...competencyRef, blocks: Blocks })),
      }),
      cells: Type.Array(
        Type.Object({
          key: Str,
          levelId: Str,
          competencyId: Str,
          change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
          blocks: Blocks,
        }),
      ),
    },
    { title: 'LadderDiff' },
  ),
);

export const DiffViewSchema = Type.Object({
  diff: LadderDiffSchema,
  /** One human sentence per change. */
  summary: Type.Array(Str),
});
export type DiffView = Static<typeof DiffViewSchema>;

const ConflictTarget = Type.Union([
  Type.Object({
    type: Type.Literal('ladder'),
    field: Type.Union([Type.Literal('title'), Type.Literal('track'), Type.Literal('description')]),
  }),
  Type.Object({
    type: Type.Literal('level'),
    levelId: Str,
    field: Type.Union(
      ['code', 'title', 'summary', 'attributes', 'position', 'existence'].map((f) => Type.Literal(f)),
    ),
  }),
  Type.Object({
    type: Type.Literal('competency'),
    competencyId: Str,
    field: Type.Union(['name', 'group', 'description', 'position', 'existence'].map((f) => Type.Literal(f))),
  }),
  Type.Object({ type: Type.Literal('cell'), key: Str, levelId: Str, competencyId: Str }),
]);

export const ConflictSchema = Typed<Conflict>(
  Type.Object(
    {
      target: ConflictTarget,
      reason: Type.Union([Type.Literal('both-changed'), Type.Literal('deleted-and-changed')]),
      label: Str,
      /** The value on each side (string, rich text, attributes, `{after}` or a level/competency ref; null = absent). */
      base: Type.Unknown(),
      ours: Type.Unknown(),
      theirs: Type.Unknown(),
    },
    { title: 'Conflict' },
  ),
);

export const LevelComparisonSchema = Typed<LevelComparison>(
  Type.Object(
    {
      lower: LevelRefSchema,
      higher: LevelRefSchema,
      rows: Type.Array(
        Type.Object({
          competency: CompetencyRefSchema,
          lower: Nullable(RichTextSchema),
          higher: Nullable(RichTextSchema),
          status: Type.Union(['empty', 'same', 'new', 'dropped', 'changed'].map((s) => Type.Literal(s))),
          newInHigher: Blocks,
        }),
      ),
    },
    { title: 'LevelComparison' },
  ),
);

export type UserRef = Static<typeof UserRefSchema>;
