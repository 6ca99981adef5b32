import {
  cellKey,
  emptyDoc,
  isEmptyDoc,
  type Competency,
  type LadderContent,
  type Level,
  type RichText,
} from '../domain.ts';
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
 * Rebuilds the order of the head from the base and the diff: added items at their head index,
 * moved items at their new index, the others keep their relative order in between.
 */
function headOrder<T extends { id: string }>(
  base: readonly T[],
  removed: ReadonlySet<string>,
  added: readonly { id: string; index: number }[],
  moved: readonly { id: string; to: number }[],
  make: (id: string, from: T | undefined) => T,
): T[] {
  const byId = new Map(base.map((x) => [x.id, x]));
  const surviving = base.filter((x) => !removed.has(x.id));
  const movedIds = new Set(moved.map((m) => m.id));
  const slots: (T | undefined)[] = new Array(surviving.length + added.length);
  for (const a of added) if (a.index < slots.length) slots[a.index] = make(a.id, undefined);
  for (const m of moved) if (m.to < slots.length && !slots[m.to]) slots[m.to] = make(m.id, byId.get(m.id));
  const stay = surviving.filter((x) => !movedIds.has(x.id));
  let next = 0;
  for (let i = 0; i < slots.length && next < stay.length; i++) {
    if (!slots[i]) slots[i] = make(stay[next]!.id, stay[next++]);
  }
  return slots.filter((x): x is T => x !== undefined);
}

/**
 * The ladder a diff leads to, from its base and the diff alone (the server sends a merge preview
 * as a diff against the published version, without the merged ladder). Rich text of added levels
 * and competencies comes from `hint` (e.g. the proposal's own content) when it has them.
 */
export function reconstructHead(base: LadderContent, diff: LadderDiff, hint?: LadderContent): LadderContent {
  const hintLevels = new Map(hint?.levels.map((l) => [l.id, l]));
  const hintCompetencies = new Map(hint?.competencies.map((c) => [c.id, c]));
  const renamedLevels = new Map(diff.levels.renamed.map((r) => [r.id, r]));
  const addedLevels = new Map(diff.levels.added.map((r) => [r.id, r]));
  const levels = headOrder<Level>(
    base.levels,
    new Set(diff.levels.removed.map((r) => r.id)),
    diff.levels.added,
    diff.levels.moved,
    (id, from) => {
      const ref = renamedLevels.get(id) ?? addedLevels.get(id);
      const hinted = hintLevels.get(id);
      return {
        id,
        code: ref?.code ?? from?.code ?? '',
        title: ref?.title ?? from?.title ?? '',
        summary: from?.summary ?? hinted?.summary ?? emptyDoc(),
        attributes: hinted?.attributes ?? from?.attributes ?? [],
      };
    },
  );
  const renamedCompetencies = new Map(diff.competencies.renamed.map((r) => [r.id, r]));
  const addedCompetencies = new Map(diff.competencies.added.map((r) => [r.id, r]));
  const competencies = headOrder<Competency>(
    base.competencies,
    new Set(diff.competencies.removed.map((r) => r.id)),
    diff.competencies.added,
    diff.competencies.moved,
    (id, from) => {
      const ref = renamedCompetencies.get(id) ?? addedCompetencies.get(id);
      return {
        id,
        name: ref?.name ?? from?.name ?? '',
        group: ref?.group ?? from?.group ?? '',
        description: from?.description ?? hintCompetencies.get(id)?.description ?? emptyDoc(),
      };
    },
  );
  return {
    ...base,
    title: diff.ladder.title?.to ?? base.title,
    track: diff.ladder.track?.to ?? base.track,
    levels,
    competencies,
  };
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
