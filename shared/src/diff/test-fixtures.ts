/** Small builders for hand-made ladders in the diff tests. */
import {
  LADDER_CONTENT_VERSION,
  cellKey,
  type Competency,
  type LadderContent,
  type Level,
  type LevelAttribute,
  type PMNode,
  type RichText,
} from '../model/index.ts';

type Inline = string | PMNode;

export function doc(...blocks: PMNode[]): RichText {
  return { type: 'doc', content: blocks };
}

export function para(...inline: Inline[]): PMNode {
  return { type: 'paragraph', content: inline.map(text) };
}

export function heading(level: number, ...inline: Inline[]): PMNode {
  return { type: 'heading', attrs: { level }, content: inline.map(text) };
}

export function bullets(...items: (Inline | Inline[])[]): PMNode {
  return {
    type: 'bulletList',
    content: items.map((item) => ({
      type: 'listItem',
      content: [para(...(Array.isArray(item) ? item : [item]))],
    })),
  };
}

export function bold(value: string): PMNode {
  return { type: 'text', text: value, marks: [{ type: 'bold' }] };
}

function text(value: Inline): PMNode {
  return typeof value === 'string' ? { type: 'text', text: value } : value;
}

/** A one-paragraph document. */
export function p(value: string): RichText {
  return doc(para(value));
}

export function level(id: string, code: string, title = '', attributes: LevelAttribute[] = []): Level {
  return { id, code, title, summary: doc(), attributes };
}

export function competency(id: string, name: string, group = ''): Competency {
  return { id, name, group, description: doc() };
}

export function ladder(parts: {
  title?: string;
  track?: string;
  description?: RichText;
  levels: Level[];
  competencies: Competency[];
  /** `{ 'levelId:competencyId': doc }` */
  cells?: Record<string, RichText>;
}): LadderContent {
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: parts.title ?? 'Engineering ladder',
    track: parts.track ?? 'IC',
    description: parts.description ?? doc(),
    levels: parts.levels,
    competencies: parts.competencies,
    cells: parts.cells ?? {},
  };
}

/**
 * Three levels × three competencies with a few filled cells:
 *          Impact (Results)             Craft (Craft)             Collaboration (Culture)
 *   L1     "Ships small features."      "Writes tests."           —
 *   L2     "Owns **small** projects."   "Writes tests. Reviews    "Helps teammates."
 *                                        code. Mentors juniors."
 *   L3     "Owns large projects."       —                         —
 */
export function baseLadder(): LadderContent {
  return ladder({
    levels: [
      level('l1', 'L1', 'Junior', [{ key: 'Years of experience', value: '0-2' }]),
      level('l2', 'L2', 'Mid-level', [{ key: 'Years of experience', value: '2-5' }]),
      level('l3', 'L3', 'Senior', [{ key: 'Years of experience', value: '5+' }]),
    ],
    competencies: [
      competency('c1', 'Impact', 'Results'),
      competency('c2', 'Craft', 'Craft'),
      competency('c3', 'Collaboration', 'Culture'),
    ],
    cells: {
      [cellKey('l1', 'c1')]: p('Ships small features.'),
      [cellKey('l1', 'c2')]: p('Writes tests.'),
      [cellKey('l2', 'c1')]: doc(para('Owns ', bold('small'), ' projects.')),
      [cellKey('l2', 'c2')]: p('Writes tests. Reviews code. Mentors juniors.'),
      [cellKey('l2', 'c3')]: p('Helps teammates.'),
      [cellKey('l3', 'c1')]: p('Owns large projects.'),
    },
  });
}

/** A deep copy to edit in a test. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}
