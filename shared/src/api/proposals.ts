import { Type, type Static } from '@sinclair/typebox';
import { ConflictSchema, DiffViewSchema, LadderContentBody, UserRefSchema } from './diff.ts';

const Str = Type.String();
const NullableStr = Type.Union([Type.String(), Type.Null()]);
const NullableUser = Type.Union([UserRefSchema, Type.Null()]);

export const ProposalStateSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('open'),
  Type.Literal('changes_requested'),
  Type.Literal('approved'),
  Type.Literal('merged'),
  Type.Literal('closed'),
]);
export const VerdictKindSchema = Type.Union([Type.Literal('approve'), Type.Literal('request_changes')]);

export const ProposalParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100 }),
  number: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
});

export const ReviewerSchema = Type.Object(
  {
    reviewer: UserRefSchema,
    verdict: VerdictKindSchema,
    fresh: Type.Boolean({
      description: 'False once the proposal changed after the verdict: shown, not counted.',
    }),
    body: Str,
    at: Str,
  },
  { title: 'Verdict' },
);

export const ProposalSchema = Type.Object(
  {
    id: Str,
    number: Type.Integer(),
    title: Str,
    description: Str,
    state: ProposalStateSchema,
    documentName: Type.String({ description: 'The live document: connect to /collab/:documentName.' }),
    readOnly: Type.Boolean(),
    author: NullableUser,
    baseVersion: Type.Integer(),
    publishedVersion: Type.Integer({ description: "The ladder's latest published version (0: none yet)." }),
    behindPublished: Type.Boolean(),
    restoredFromVersion: Type.Union([Type.Integer(), Type.Null()]),
    createdAt: Str,
    updatedAt: Str,
    openedAt: NullableStr,
    mergedAt: NullableStr,
    mergedVersion: Type.Union([Type.Integer(), Type.Null()]),
    mergedBy: NullableUser,
    closedAt: NullableStr,
    closedBy: NullableUser,
    approvals: Type.Object({ required: Type.Integer(), fresh: Type.Integer(), stale: Type.Integer() }),
    reviewers: Type.Array(ReviewerSchema, { description: "Each reviewer's latest verdict." }),
    comments: Type.Object({ total: Type.Integer(), unresolvedThreads: Type.Integer() }),
  },
  { title: 'Proposal' },
);

const MergeBlockerSchema = Type.Object({
  code: Type.Union([
    Type.Literal('not_open'),
    Type.Literal('already_merged'),
    Type.Literal('closed'),
    Type.Literal('changes_requested'),
    Type.Literal('not_enough_approvals'),
    Type.Literal('conflicts'),
    Type.Literal('no_changes'),
  ]),
  message: Str,
});

export const LadderRefSchema = Type.Object(
  { id: Str, slug: Str, title: Str, track: Str, requiredApprovals: Type.Integer() },
  { title: 'LadderRef' },
);

export const MergePreviewSchema = Type.Object(
  {
    ...DiffViewSchema.properties,
    /** The ladder publishing the proposal now would give. */
    content: LadderContentBody,
  },
  {
    title: 'MergePreview',
    description: 'What publishing the proposal now would change, against the current published version.',
  },
);

export const ProposalPermissionsSchema = Type.Object(
  {
    edit: Type.Boolean({ description: "The caller may edit the proposal's document now." }),
    publish: Type.Boolean({
      description: 'The caller may publish it now: their role allows it and every check passes.',
    }),
    delete: Type.Boolean({ description: 'The caller may close it (it is not merged or closed yet).' }),
    resolve: Type.Boolean({ description: 'The caller may resolve and reopen its comment threads.' }),
  },
  {
    title: 'ProposalPermissions',
    description: 'What the signed-in caller may do with this proposal, as the server decides.',
  },
);

export const ProposalDetailSchema = Type.Object(
  {
    ...ProposalSchema.properties,
    fingerprint: Type.String({
      description: 'The document state this answer describes; send it with a verdict.',
    }),
    ladder: LadderRefSchema,
    changes: DiffViewSchema,
    preview: Type.Union([MergePreviewSchema, Type.Null()]),
    conflicts: Type.Array(ConflictSchema),
    checks: Type.Object({ canMerge: Type.Boolean(), blockers: Type.Array(MergeBlockerSchema) }),
    can: ProposalPermissionsSchema,
  },
  { title: 'ProposalDetail' },
);

export const ProposalListQuery = Type.Object({
  state: Type.Optional(
    Type.Union(
      ['active', 'draft', 'review', 'merged', 'closed', 'all'].map((s) => Type.Literal(s)),
      {
        description:
          '`active` (default): draft and under review; `review`: open, changes requested or approved.',
      },
    ),
  ),
});

export const CreateProposalBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
    open: Type.Optional(Type.Boolean({ description: 'Open it for review at once (default: a draft).' })),
  },
  { additionalProperties: false },
);

export const UpdateProposalBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const VerdictBody = Type.Object(
  {
    verdict: VerdictKindSchema,
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    fingerprint: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'The `fingerprint` of the proposal you reviewed; refused (409) if it changed since.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SettingsBody = Type.Object(
  { requiredApprovals: Type.Integer({ minimum: 0, maximum: 20 }) },
  { additionalProperties: false },
);

export const ProposalResponse = Type.Object({ proposal: ProposalSchema });
export const ProposalDetailResponse = Type.Object({ proposal: ProposalDetailSchema });
export const ProposalListResponse = Type.Object({ proposals: Type.Array(ProposalSchema) });
export const VerdictResponse = Type.Object({ verdict: ReviewerSchema, proposal: ProposalSchema });
export const VerdictListResponse = Type.Object({ verdicts: Type.Array(ReviewerSchema) });
export const SettingsResponse = Type.Object({ settings: Type.Object({ requiredApprovals: Type.Integer() }) });

export const OverviewResponse = Type.Object({
  ladders: Type.Array(
    Type.Object(
      {
        slug: Str,
        /** 0 while nothing is published. */
        publishedVersion: Type.Integer(),
        publishedAt: NullableStr,
        /** Proposal counts are 0 for viewers (they do not see proposals). */
        drafts: Type.Integer(),
        inReview: Type.Integer(),
        /** Numbers of the proposals waiting for the signed-in user's verdict. */
        awaitingMyReview: Type.Array(Type.Integer()),
      },
      { title: 'LadderActivity' },
    ),
  ),
});

const UpdateChoiceSchema = Type.Union([
  Type.Literal('mine'),
  Type.Literal('published'),
  Type.Literal('combined'),
]);

export const UpdatePlanSchema = Type.Object(
  {
    /** The proposal's base version and the latest published one (equal: nothing to update). */
    baseVersion: Type.Integer(),
    publishedVersion: Type.Integer(),
    /** The proposal's state this plan was computed from; send it back to confirm. */
    fingerprint: Str,
    /** What the published line changed that the proposal didn't: taken as is. */
    fromPublished: Type.Array(Str),
    conflicts: Type.Array(
      Type.Object(
        {
          id: Str,
          kind: Type.Union([
            Type.Literal('text'),
            Type.Literal('rich'),
            Type.Literal('attributes'),
            Type.Literal('position'),
            Type.Literal('existence'),
          ]),
          reason: Type.Union([Type.Literal('both-changed'), Type.Literal('deleted-and-changed')]),
          label: Str,
          /** Whether a combined text may resolve it (text and rich text). */
          combinable: Type.Boolean(),
          base: Str,
          mine: Str,
          published: Str,
        },
        { title: 'UpdateConflict' },
      ),
    ),
  },
  { title: 'UpdatePlan' },
);

export const UpdatePlanResponse = Type.Object({ plan: UpdatePlanSchema });

export const UpdateFromPublishedBody = Type.Object(
  {
    publishedVersion: Type.Integer({
      minimum: 0,
      description: "The plan's `publishedVersion`; refused (409) if a newer version was published since.",
    }),
    fingerprint: Type.String({
      maxLength: 100,
      description: "The plan's `fingerprint`; refused (409) if the proposal changed since.",
    }),
    resolutions: Type.Record(
      Type.String({ maxLength: 300 }),
      Type.Object(
        {
          choice: UpdateChoiceSchema,
          text: Type.Optional(Type.String({ maxLength: 50_000 })),
        },
        { additionalProperties: false },
      ),
      {
        description:
          "One per conflict of the plan, by its `id`: keep 'mine', take 'published' or a 'combined' text.",
      },
    ),
  },
  { additionalProperties: false },
);

export type ProposalState = Static<typeof ProposalStateSchema>;
export type ProposalView = Static<typeof ProposalSchema>;
export type ReviewerView = Static<typeof ReviewerSchema>;
export type LadderRef = Static<typeof LadderRefSchema>;
export type MergePreview = Static<typeof MergePreviewSchema>;
export type ProposalPermissions = Static<typeof ProposalPermissionsSchema>;
export type ProposalDetail = Static<typeof ProposalDetailSchema>;
export type UpdatePlanView = Static<typeof UpdatePlanSchema>;
export type ProposalOverview = Static<typeof OverviewResponse>;
export type VerdictKind = Static<typeof VerdictKindSchema>;
export type ProposalFilter = NonNullable<Static<typeof ProposalListQuery>['state']>;
/** Per ladder: published version, proposals in progress, and what awaits my review. */
export type LadderActivity = ProposalOverview['ladders'][number];
