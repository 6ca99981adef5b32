import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { RichTextSchema, richTextProblems, type RichText } from './rich-text.ts';

/** Bump when the shape changes; `migrateLadderContent` upgrades older documents. */
export const LADDER_CONTENT_VERSION = 1 as const;

export const LevelAttributeSchema = Type.Object({
  key: Type.String(),
  value: Type.String(),
});

export const LevelSchema = Type.Object({
  /** Stable random id; never shown, never reused. */
  id: Type.String({ minLength: 1, maxLength: 64 }),
  /** Short code such as IC5, TPM4, EM-1. */
  code: Type.String({ maxLength: 200 }),
  title: Type.String({ maxLength: 500 }),
  summary: RichTextSchema,
  /** Ordered free key/value pairs, e.g. "Years of experience" → "15+". */
  attributes: Type.Array(LevelAttributeSchema),
});

export const CompetencySchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.String({ maxLength: 500 }),
  /** Optional group or pillar ("Results"); '' when none. */
  group: Type.String({ maxLength: 500 }),
  description: RichTextSchema,
});

export const LadderContentSchema = Type.Object(
  {
    schemaVersion: Type.Literal(LADDER_CONTENT_VERSION),
    title: Type.String({ maxLength: 500 }),
    track: Type.String({ maxLength: 500 }),
    description: RichTextSchema,
    /** In display order (lowest level first). */
    levels: Type.Array(LevelSchema),
    /** In display order. */
    competencies: Type.Array(CompetencySchema),
    /**
     * Non-empty cells keyed by `cellKey(levelId, competencyId)`. Empty cells are omitted, so two
     * ladders with the same text compare equal. Keys always refer to an existing level and competency.
     */
    cells: Type.Record(Type.String(), RichTextSchema),
  },
  { $id: 'LadderContent' },
);

export type LevelAttribute = Static<typeof LevelAttributeSchema>;
export type Level = Omit<Static<typeof LevelSchema>, 'summary'> & { summary: RichText };
export type Competency = Omit<Static<typeof CompetencySchema>, 'description'> & { description: RichText };
export interface LadderContent {
  schemaVersion: typeof LADDER_CONTENT_VERSION;
  title: string;
  track: string;
  description: RichText;
  levels: Level[];
  competencies: Competency[];
  cells: Record<string, RichText>;
}

export function cellKey(levelId: string, competencyId: string): string {
  return `${levelId}:${competencyId}`;
}

export function parseCellKey(key: string): { levelId: string; competencyId: string } {
  const i = key.indexOf(':');
  return { levelId: key.slice(0, i), competencyId: key.slice(i + 1) };
}

export class LadderContentError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'LadderContentError';
  }
}

/** Validate unknown JSON as LadderContent: schema, unique ids, and cells that point at real rows. */
export function validateLadderContent(input: unknown): LadderContent {
  const problems: string[] = [];
  if (!Value.Check(LadderContentSchema, input)) {
    for (const err of Value.Errors(LadderContentSchema, input)) {
      problems.push(`${err.path || '/'}: ${err.message}`);
      if (problems.length >= 10) break;
    }
    throw new LadderContentError(`Not a valid ladder: ${problems[0] ?? 'unknown problem'}`, problems);
  }
  const content = input as LadderContent;
  richTextProblems(content.description, '/description', problems);
  content.levels.forEach((l, i) => richTextProblems(l.summary, `/levels/${i}/summary`, problems));
  content.competencies.forEach((c, i) =>
    richTextProblems(c.description, `/competencies/${i}/description`, problems),
  );
  for (const [key, cell] of Object.entries(content.cells)) richTextProblems(cell, `/cells/${key}`, problems);
  const levelIds = new Set<string>();
  for (const l of content.levels) {
    if (levelIds.has(l.id)) problems.push(`level id ${l.id} is used twice`);
    levelIds.add(l.id);
  }
  const compIds = new Set<string>();
  for (const c of content.competencies) {
    if (compIds.has(c.id)) problems.push(`competency id ${c.id} is used twice`);
    compIds.add(c.id);
  }
  for (const key of Object.keys(content.cells)) {
    const { levelId, competencyId } = parseCellKey(key);
    if (!levelIds.has(levelId) || !compIds.has(competencyId)) {
      problems.push(`cell ${key} refers to a level or competency that does not exist`);
    }
  }
  if (problems.length) throw new LadderContentError(`Not a valid ladder: ${problems[0]}`, problems);
  return content;
}

export function emptyLadderContent(title = 'Untitled ladder', track = ''): LadderContent {
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title,
    track,
    description: { type: 'doc', content: [] },
    levels: [],
    competencies: [],
    cells: {},
  };
}
