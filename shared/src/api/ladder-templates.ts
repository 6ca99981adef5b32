import { Type, type Static } from '@sinclair/typebox';

/** A starting point "New ladder" offers: what a person chooses by, without the content. */
export const LadderTemplateSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  /** The title and track a ladder made from it gets unless the person types their own. */
  title: Type.String(),
  track: Type.String(),
  levels: Type.Integer(),
  competencies: Type.Integer(),
});

export const LadderTemplateListResponse = Type.Object({
  templates: Type.Array(LadderTemplateSummarySchema),
});

export type LadderTemplateSummary = Static<typeof LadderTemplateSummarySchema>;
