/**
 * The JSON shapes produced by the ladder diff. Everything here is plain data (no classes, no
 * functions, no `undefined` values) so a diff can be stored, sent over REST and rendered as is.
 */
import type { LevelAttribute, PMMark, RichText } from '../model/index.ts';

export type SegmentKind = 'equal' | 'insert' | 'delete';

/** A run of text with one kind and one set of marks (bold, link…); `marks` is omitted when plain. */
export interface Segment {
  kind: SegmentKind;
  text: string;
  marks?: PMMark[];
}

/**
 * How a block renders: its ProseMirror node type (`paragraph`, `heading`, `codeBlock`,
 * `horizontalRule`…), the heading `level`, the innermost `list` it sits in and its nesting `depth`
 * (1 = top-level list), `continuation` for the second and later blocks of one list item, and
 * `quote` inside a blockquote. Absent keys mean "no".
 */
export interface BlockInfo {
  type: string;
  level?: number;
  list?: 'bullet' | 'ordered';
  depth?: number;
  continuation?: true;
  quote?: true;
}

/**
 * One block (paragraph, list item, heading…) of a rich-text diff.
 * - `equal`: unchanged, every segment is `equal`;
 * - `insert` / `delete`: the whole block is new / gone, every segment is `insert` / `delete`;
 * - `change`: the block exists on both sides with a word-level diff in `segments`. `block` is how it
 *   renders now; `baseBlock` is present only when its shape changed too (e.g. paragraph → bullet).
 */
export interface BlockDiff {
  op: 'equal' | 'insert' | 'delete' | 'change';
  block: BlockInfo;
  baseBlock?: BlockInfo;
  segments: Segment[];
}

export interface ValueChange<T> {
  from: T;
  to: T;
}

export interface LevelRef {
  id: string;
  code: string;
  title: string;
}

export interface CompetencyRef {
  id: string;
  name: string;
  group: string;
}

/** `index` is the position in the ladder it belongs to (head for added, base for removed). */
export type PlacedLevel = LevelRef & { index: number };
export type PlacedCompetency = CompetencyRef & { index: number };

/** Refs carry the head's values, so labels read as the ladder reads now. */
export type LevelRename = LevelRef & { changes: { code?: ValueChange<string>; title?: ValueChange<string> } };
export type CompetencyRename = CompetencyRef & {
  changes: { name?: ValueChange<string>; group?: ValueChange<string> };
};

/** A real move: the item left the longest run of items that kept their relative order. */
export interface Move {
  id: string;
  /** Index in the base order. */
  from: number;
  /** Index in the head order. */
  to: number;
}
export type LevelMove = LevelRef & Move;
export type CompetencyMove = CompetencyRef & Move;

/** Attributes matched by key (the n-th occurrence of a key with the n-th occurrence). */
export interface AttributeChanges {
  added: LevelAttribute[];
  removed: LevelAttribute[];
  changed: { key: string; from: string; to: string }[];
  /** True when the surviving keys are in a different order. */
  reordered: boolean;
}
export type LevelAttributesChange = LevelRef & AttributeChanges;

export type LevelSummaryChange = LevelRef & { blocks: BlockDiff[] };
export type CompetencyDescriptionChange = CompetencyRef & { blocks: BlockDiff[] };

export interface CellDiff {
  key: string;
  levelId: string;
  competencyId: string;
  /** `added`: empty → filled; `removed`: filled → empty (or its row/column is gone); `changed`: both filled. */
  change: 'added' | 'removed' | 'changed';
  blocks: BlockDiff[];
}

export interface LadderDiff {
  ladder: {
    title?: ValueChange<string>;
    track?: ValueChange<string>;
    description?: BlockDiff[];
  };
  levels: {
    added: PlacedLevel[];
    removed: PlacedLevel[];
    renamed: LevelRename[];
    moved: LevelMove[];
    attributes: LevelAttributesChange[];
    summary: LevelSummaryChange[];
  };
  competencies: {
    added: PlacedCompetency[];
    removed: PlacedCompetency[];
    renamed: CompetencyRename[];
    moved: CompetencyMove[];
    description: CompetencyDescriptionChange[];
  };
  /**
   * Every cell whose text differs, in matrix order: head levels × head competencies, then cells
   * of removed levels / competencies. Cells of added or removed rows and columns are included.
   */
  cells: CellDiff[];
}

/** What both sides of a three-way situation touched differently. */
export type ConflictTarget =
  | { type: 'ladder'; field: 'title' | 'track' | 'description' }
  | {
      type: 'level';
      levelId: string;
      field: 'code' | 'title' | 'summary' | 'attributes' | 'position' | 'existence';
    }
  | {
      type: 'competency';
      competencyId: string;
      field: 'name' | 'group' | 'description' | 'position' | 'existence';
    }
  | { type: 'cell'; key: string; levelId: string; competencyId: string };

/**
 * - `both-changed`: ours and theirs both differ from base and from each other;
 * - `deleted-and-changed`: one side deleted a level or competency the other side edited (its
 *   fields or its cells); the target's field is `existence`.
 */
export interface Conflict {
  target: ConflictTarget;
  reason: 'both-changed' | 'deleted-and-changed';
  /** A short label for what is in conflict, e.g. `cell IC5 × 'Impact'`, `title of level IC5`. */
  label: string;
  base: ConflictValue;
  ours: ConflictValue;
  theirs: ConflictValue;
}

/**
 * The values on each side; `null` means absent (an empty cell, a deleted level…).
 * - ladder title/track, level code/title, competency name/group: the string;
 * - description, summary, cell: the rich text;
 * - attributes: the attribute list;
 * - position: the id of the item it follows (`null` = first), among items all three sides have;
 * - existence: the level or competency ref where it exists, `null` where it was deleted.
 */
export type ConflictValue =
  string | RichText | LevelAttribute[] | { after: string | null } | LevelRef | CompetencyRef | null;
