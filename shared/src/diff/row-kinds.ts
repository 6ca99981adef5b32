/** What conflict detection needs to know about levels and competencies: their fields and cells. */
import { cellKey, type Competency, type LadderContent, type Level } from '../model/index.ts';
import { richValue } from './conflict-values.ts';
import { competencyLabel, competencyRef, levelLabel, levelRef } from './refs.ts';
import type { ConflictTarget, ConflictValue } from './types.ts';

export interface RowKind<T extends { id: string }> {
  list: (content: LadderContent) => T[];
  /** The fields both sides can edit, as comparable values. */
  fields: Record<string, (item: T) => ConflictValue>;
  target: (id: string, field: string) => ConflictTarget;
  /** e.g. `level IC5`, `competency 'Impact'`. */
  label: (item: T) => string;
  ref: (item: T) => ConflictValue;
  /** The keys of this level's row (or competency's column) of cells. */
  cellKeys: (content: LadderContent, id: string) => string[];
}

export const LEVELS: RowKind<Level> = {
  list: (c) => c.levels,
  fields: {
    code: (l) => l.code,
    title: (l) => l.title,
    summary: (l) => richValue(l.summary),
    attributes: (l) => l.attributes.map((a) => ({ key: a.key, value: a.value })),
  },
  target: (levelId, field) => ({ type: 'level', levelId, field }) as ConflictTarget,
  label: (l) => `level ${levelLabel(l)}`,
  ref: levelRef,
  cellKeys: (c, id) => c.competencies.map((comp) => cellKey(id, comp.id)),
};

export const COMPETENCIES: RowKind<Competency> = {
  list: (c) => c.competencies,
  fields: {
    name: (c) => c.name,
    group: (c) => c.group,
    description: (c) => richValue(c.description),
  },
  target: (competencyId, field) => ({ type: 'competency', competencyId, field }) as ConflictTarget,
  label: (c) => `competency '${competencyLabel(c)}'`,
  ref: competencyRef,
  cellKeys: (c, id) => c.levels.map((level) => cellKey(level.id, id)),
};
