import { cellKey, emptyDoc, isEmptyDoc, type LadderContent, type RichText } from '../domain.ts';
import type { BlockDiff, CellDiff, CompetencyRename, LadderDiff, LevelRename } from './types.ts';

export type ItemStatus = 'same' | 'added' | 'removed';

/** A level column of a diff matrix: head levels in head order, removed ones where they were. */
export interface DiffColumn {
  id: string;
  code: string;
  title: string;
  status: ItemStatus;
  rename?: LevelRename['changes'];
  moved?: { from: number; to: number };
  summaryDiff?: BlockDiff[];
  summary: RichText;
  attributesChanged: boolean;
}

export interface DiffRow {
  id: string;
  name: string;
  group: string;
  status: ItemStatus;
  rename?: CompetencyRename['changes'];
  moved?: { from: number; to: number };
  descriptionDiff?: BlockDiff[];
  description: RichText;
}

export interface DiffCell {
  diff?: CellDiff;
  /** The text as it reads in the result, when the cell did not change (null: empty). */
  doc: RichText | null;
}

export interface DiffLayout {
  columns: DiffColumn[];
  rows: DiffRow[];
  cell(levelId: string, competencyId: string): DiffCell;
  /** Whether anything in the row / column changed (for "only what changed"). */
  rowChanged(id: string): boolean;
  columnChanged(id: string): boolean;
  changedCells: number;
}

function filled(doc: RichText | undefined | null): RichText | null {
  return doc && !isEmptyDoc(doc) ? doc : null;
}

/** Puts removed items back where they were in the base (clamped to the end). */
function withRemoved<T>(items: T[], removed: { index: number; item: T }[]): T[] {
  const out = [...items];
  for (const { index, item } of [...removed].sort((a, b) => a.index - b.index)) {
    out.splice(Math.min(index, out.length), 0, item);
  }
  return out;
}

/**
 * Everything a diff matrix shows: the head's levels and competencies with the removed ones put
 * back, what happened to each, and per cell either its diff or its unchanged text.
 */
export function diffLayout(base: LadderContent, head: LadderContent, diff: LadderDiff): DiffLayout {
  const baseLevels = new Map(base.levels.map((l) => [l.id, l]));
  const baseCompetencies = new Map(base.competencies.map((c) => [c.id, c]));
  const added = new Set(diff.levels.added.map((l) => l.id));
  const renamed = new Map(diff.levels.renamed.map((l) => [l.id, l.changes]));
  const moved = new Map(diff.levels.moved.map((l) => [l.id, l]));
  const summaries = new Map(diff.levels.summary.map((l) => [l.id, l.blocks]));
  const attributes = new Set(diff.levels.attributes.map((l) => l.id));

  const columns = withRemoved<DiffColumn>(
    head.levels.map((l) => ({
      id: l.id,
      code: l.code,
      title: l.title,
      status: added.has(l.id) ? 'added' : 'same',
      rename: renamed.get(l.id),
      moved: moved.get(l.id),
      summaryDiff: summaries.get(l.id),
      summary: l.summary,
      attributesChanged: attributes.has(l.id),
    })),
    diff.levels.removed.map((l) => ({
      index: l.index,
      item: {
        id: l.id,
        code: l.code,
        title: l.title,
        status: 'removed',
        summary: baseLevels.get(l.id)?.summary ?? emptyDoc(),
        attributesChanged: false,
      },
    })),
  );

  const addedC = new Set(diff.competencies.added.map((c) => c.id));
  const renamedC = new Map(diff.competencies.renamed.map((c) => [c.id, c.changes]));
  const movedC = new Map(diff.competencies.moved.map((c) => [c.id, c]));
  const descriptions = new Map(diff.competencies.description.map((c) => [c.id, c.blocks]));
  const rows = withRemoved<DiffRow>(
    head.competencies.map((c) => ({
      id: c.id,
      name: c.name,
      group: c.group,
      status: addedC.has(c.id) ? 'added' : 'same',
      rename: renamedC.get(c.id),
      moved: movedC.get(c.id),
      descriptionDiff: descriptions.get(c.id),
      description: c.description,
    })),
    diff.competencies.removed.map((c) => ({
      index: c.index,
      item: {
        id: c.id,
        name: c.name,
        group: c.group,
        status: 'removed',
        description: baseCompetencies.get(c.id)?.description ?? emptyDoc(),
      },
    })),
  );

  const cells = new Map(diff.cells.map((c) => [c.key, c]));
  const changedLevels = new Set(diff.cells.map((c) => c.levelId));
  const changedCompetencies = new Set(diff.cells.map((c) => c.competencyId));
  const removedLevels = new Set(diff.levels.removed.map((l) => l.id));
  const removedCompetencies = new Set(diff.competencies.removed.map((c) => c.id));

  return {
    columns,
    rows,
    changedCells: diff.cells.length,
    cell(levelId, competencyId) {
      const key = cellKey(levelId, competencyId);
      const change = cells.get(key);
      if (change) return { diff: change, doc: null };
      const source = removedLevels.has(levelId) || removedCompetencies.has(competencyId) ? base : head;
      return { doc: filled(source.cells[key]) };
    },
    rowChanged(id) {
      const row = rows.find((r) => r.id === id);
      return (
        changedCompetencies.has(id) ||
        (!!row && (row.status !== 'same' || !!row.rename || !!row.moved || !!row.descriptionDiff))
      );
    },
    columnChanged(id) {
      const column = columns.find((c) => c.id === id);
      return (
        changedLevels.has(id) ||
        (!!column &&
          (column.status !== 'same' ||
            !!column.rename ||
            !!column.moved ||
            !!column.summaryDiff ||
            column.attributesChanged))
      );
    },
  };
}

/** True when the diff has nothing in it. */
export function isEmptyDiff(diff: LadderDiff): boolean {
  return (
    Object.keys(diff.ladder).length === 0 &&
    Object.values(diff.levels).every((list) => list.length === 0) &&
    Object.values(diff.competencies).every((list) => list.length === 0) &&
    diff.cells.length === 0
  );
}
