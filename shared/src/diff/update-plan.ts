/**
 * "Update from published": a three-way merge of the published line into a proposal.
 * `base` is the proposal's base version, `published` the latest version, `mine` the proposal now.
 * What changed on one side only takes that side; what both sides changed differently is a
 * conflict the author resolves (keep mine, take published, or a combined text). Nothing of the
 * proposal's own is dropped without a resolution naming it.
 */
import {
  cellKey,
  docFromParagraphs,
  emptyDoc,
  plainText,
  type Competency,
  type LadderContent,
  type Level,
  type LevelAttribute,
  type RichText,
} from '../model/index.ts';
import { detectConflicts } from './conflicts.ts';
import { filledCell } from './cells-diff.ts';
import { valueKey, richValue } from './conflict-values.ts';
import { detectMoves } from './order-diff.ts';
import { competencyLabel, levelLabel } from './refs.ts';
import { COMPETENCIES, LEVELS, type RowKind } from './row-kinds.ts';
import type { Conflict, ConflictTarget, ConflictValue } from './types.ts';

export type UpdateChoice = 'mine' | 'published' | 'combined';

export interface UpdateResolution {
  choice: UpdateChoice;
  /** The combined text (`choice: 'combined'` only); for rich text, one paragraph a line. */
  text?: string;
}

/**
 * - `text`: a one-line string (title, code, name…);
 * - `rich`: rich text (a cell, summary, description), combined as paragraphs;
 * - `attributes`, `position`, `existence`: keep one side (no combined text).
 */
export type UpdateConflictKind = 'text' | 'rich' | 'attributes' | 'position' | 'existence';

export interface UpdateConflict {
  /** Stable id to resolve it by, e.g. `cell:<levelId>:<competencyId>`, `level:<id>:title`. */
  id: string;
  kind: UpdateConflictKind;
  reason: Conflict['reason'];
  label: string;
  combinable: boolean;
  /** What a reader sees on each side, as plain text. */
  base: string;
  mine: string;
  published: string;
}

export interface UpdatePlan {
  /** Labels of what the published line changed that the proposal didn't touch: taken as is. */
  fromPublished: string[];
  conflicts: UpdateConflict[];
}

export class UpdateResolutionError extends Error {
  constructor(
    message: string,
    readonly conflictIds: string[],
  ) {
    super(message);
    this.name = 'UpdateResolutionError';
  }
}

export function conflictId(target: ConflictTarget): string {
  switch (target.type) {
    case 'ladder':
      return `ladder:${target.field}`;
    case 'level':
      return `level:${target.levelId}:${target.field}`;
    case 'competency':
      return `competency:${target.competencyId}:${target.field}`;
    case 'cell':
      return `cell:${target.key}`;
  }
}

export function planUpdateFromPublished(
  base: LadderContent,
  published: LadderContent,
  mine: LadderContent,
): UpdatePlan {
  const names = rowNames(base, published, mine);
  const conflicts = detectConflicts(base, mine, published).map((c) => updateConflict(c, names));
  const merger = new Merger(base, published, mine, new Map(), true);
  merger.merge();
  return { fromPublished: merger.fromPublished, conflicts };
}

/**
 * The proposal's content after the update, given a resolution for every conflict of the plan.
 * Throws `UpdateResolutionError` when one is missing or not allowed for its kind.
 */
export function mergeUpdateFromPublished(
  base: LadderContent,
  published: LadderContent,
  mine: LadderContent,
  resolutions: Readonly<Record<string, UpdateResolution>>,
): LadderContent {
  const conflicts = detectConflicts(base, mine, published).map((c) => updateConflict(c));
  const missing = conflicts.filter((c) => !resolutions[c.id]).map((c) => c.id);
  if (missing.length) {
    throw new UpdateResolutionError(
      `Choose how to resolve every conflict first; missing: ${conflicts
        .filter((c) => missing.includes(c.id))
        .map((c) => c.label)
        .join(', ')}.`,
      missing,
    );
  }
  const badCombined = conflicts.filter((c) => {
    const r = resolutions[c.id]!;
    return r.choice === 'combined' && (!c.combinable || typeof r.text !== 'string');
  });
  if (badCombined.length) {
    throw new UpdateResolutionError(
      `A combined text is only possible for text, and needs the text: ${badCombined.map((c) => c.label).join(', ')}. Keep one side instead.`,
      badCombined.map((c) => c.id),
    );
  }
  const known = new Set(conflicts.map((c) => c.id));
  const unknown = Object.keys(resolutions).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UpdateResolutionError(
      'Some resolutions are for conflicts that no longer exist; review the update again.',
      unknown,
    );
  }
  const kinds = new Map(conflicts.map((c) => [c.id, c.kind]));
  const merger = new Merger(base, published, mine, new Map(Object.entries(resolutions)), false, kinds);
  return merger.merge();
}

// ---------------------------------------------------------------------------------------------

/** How each level and competency of any side is named in sentences, by id. */
function rowNames(...contents: LadderContent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of contents) {
    for (const l of c.levels) names.set(l.id, levelLabel(l));
    for (const x of c.competencies) names.set(x.id, `'${competencyLabel(x)}'`);
  }
  return names;
}

function updateConflict(c: Conflict, names: ReadonlyMap<string, string> = new Map()): UpdateConflict {
  const kind = conflictKind(c);
  return {
    id: conflictId(c.target),
    kind,
    reason: c.reason,
    label: c.label,
    combinable: kind === 'text' || kind === 'rich',
    base: describe(kind, c.base, names),
    mine: describe(kind, c.ours, names),
    published: describe(kind, c.theirs, names),
  };
}

function conflictKind(c: Conflict): UpdateConflictKind {
  const t = c.target;
  if (t.type === 'cell') return 'rich';
  if (t.type === 'ladder') return t.field === 'description' ? 'rich' : 'text';
  if (t.field === 'existence' || t.field === 'position' || t.field === 'attributes') return t.field;
  return t.field === 'summary' || t.field === 'description' ? 'rich' : 'text';
}

function describe(
  kind: UpdateConflictKind,
  value: ConflictValue,
  names: ReadonlyMap<string, string>,
): string {
  if (value === null) return kind === 'existence' ? 'Removed' : '';
  if (typeof value === 'string') return value;
  if (kind === 'rich') return plainText(value as RichText);
  if (kind === 'attributes') return (value as LevelAttribute[]).map((a) => `${a.key}: ${a.value}`).join('\n');
  if (kind === 'position') {
    const after = (value as { after: string | null }).after;
    return after === null ? 'First' : `After ${names.get(after) ?? after}`;
  }
  const ref = value as { code?: string; title?: string; name?: string };
  return ref.name !== undefined
    ? `Kept as '${competencyLabel({ name: ref.name })}'`
    : `Kept as ${[ref.code, ref.title].filter((s) => s && s.trim()).join(' · ') || 'untitled level'}`;
}

/** A rich text from a combined plain text: one paragraph a non-blank line. */
function richFromText(text: string): RichText | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  return lines.length ? docFromParagraphs(...lines) : null;
}

type Values = readonly [base: ConflictValue, mine: ConflictValue, published: ConflictValue];

/** Walks every mergeable unit once; `dryRun` records what is taken from published, skipping conflicts. */
class Merger {
  readonly fromPublished: string[] = [];

  constructor(
    private readonly base: LadderContent,
    private readonly published: LadderContent,
    private readonly mine: LadderContent,
    private readonly resolutions: ReadonlyMap<string, UpdateResolution>,
    private readonly dryRun: boolean,
    private readonly kinds: ReadonlyMap<string, UpdateConflictKind> = new Map(),
  ) {}

  merge(): LadderContent {
    const { base, published, mine } = this;
    const title = this.pick('ladder:title', 'ladder title', [base.title, mine.title, published.title]);
    const track = this.pick('ladder:track', 'ladder track', [base.track, mine.track, published.track]);
    const description = this.pick('ladder:description', 'ladder description', [
      richValue(base.description),
      richValue(mine.description),
      richValue(published.description),
    ]);
    const levels = this.mergeRows(LEVELS, setLevelField);
    const competencies = this.mergeRows(COMPETENCIES, setCompetencyField);
    const cells = this.mergeCells(levels, competencies);
    return {
      schemaVersion: mine.schemaVersion,
      title: title as string,
      track: track as string,
      description: (description as RichText | null) ?? emptyDoc(),
      levels,
      competencies,
      cells,
    };
  }

  /** One value three ways: equal sides, one-sided changes, or the author's resolution. */
  private pick(id: string, label: string, [b, m, p]: Values): ConflictValue {
    const [kb, km, kp] = [valueKey(b), valueKey(m), valueKey(p)];
    if (km === kp || kp === kb) return m;
    if (km === kb) {
      this.fromPublished.push(label);
      return p;
    }
    return this.resolve(id, m, p);
  }

  private resolve(id: string, m: ConflictValue, p: ConflictValue): ConflictValue {
    if (this.dryRun) return m;
    const r = this.resolutions.get(id);
    if (!r) throw new UpdateResolutionError(`No resolution for ${id}; review the update again.`, [id]);
    if (r.choice === 'mine') return m;
    if (r.choice === 'published') return p;
    const text = r.text ?? '';
    return this.kinds.get(id) === 'rich' ? richFromText(text) : text.replace(/\s*\r?\n\s*/g, ' ');
  }

  private choice(id: string): 'mine' | 'published' {
    if (this.dryRun) return 'mine';
    const r = this.resolutions.get(id);
    if (!r || r.choice === 'combined') {
      throw new UpdateResolutionError(`Keep one side for ${id}; review the update again.`, [id]);
    }
    return r.choice;
  }

  private mergeRows<T extends { id: string }>(
    kind: RowKind<T>,
    setField: (item: T, field: string, value: ConflictValue) => T,
  ): T[] {
    const [B, M, P] = [this.base, this.mine, this.published].map((c) => byId(kind.list(c)));
    const kept = new Map<string, T>();
    const fromPublishedSide = new Set<string>();
    const prefix = (id: string) => conflictId(kind.target(id, 'existence')).replace(/existence$/, '');
    for (const id of new Set([...B!.keys(), ...M!.keys(), ...P!.keys()])) {
      const [b, m, p] = [B!.get(id), M!.get(id), P!.get(id)];
      if (m && p) {
        let item = m;
        for (const [field, get] of Object.entries(kind.fields)) {
          const label = `${field} of ${kind.label(p)}`;
          const value = this.pick(prefix(id) + field, label, [b ? get(b) : null, get(m), get(p)]);
          item = setField(item, field, value);
        }
        kept.set(id, item);
      } else if (b && (m || p)) {
        // One side removed it: removal wins unless the other side edited it (a conflict).
        const existence = prefix(id) + 'existence';
        const contested = this.isConflict(kind, id);
        const keep = contested && (this.choice(existence) === 'mine' ? !!m : !!p);
        if (keep) {
          kept.set(id, (m ?? p)!);
          if (!m) fromPublishedSide.add(id);
        } else if (m && !contested) {
          this.fromPublished.push(`removed ${kind.label(b)}`);
        }
      } else if (!b && m) {
        kept.set(id, m);
      } else if (!b && p) {
        kept.set(id, p);
        fromPublishedSide.add(id);
        this.fromPublished.push(`added ${kind.label(p)}`);
      }
    }
    return this.mergeOrder(kind, kept, fromPublishedSide);
  }

  private conflictIds: Set<string> | undefined;

  private isConflict<T extends { id: string }>(kind: RowKind<T>, id: string): boolean {
    this.conflictIds ??= new Set(
      detectConflicts(this.base, this.mine, this.published).map((c) => conflictId(c.target)),
    );
    return this.conflictIds.has(conflictId(kind.target(id, 'existence')));
  }

  private isPositionConflict<T extends { id: string }>(kind: RowKind<T>, id: string): boolean {
    this.isConflict(kind, id);
    return this.conflictIds!.has(conflictId(kind.target(id, 'position')));
  }

  /**
   * The proposal's order, then what the published line placed: items it moved (that the
   * proposal didn't, or where the author took its position) and items only it has go after
   * their published predecessor.
   */
  private mergeOrder<T extends { id: string }>(
    kind: RowKind<T>,
    kept: Map<string, T>,
    fromPublishedSide: Set<string>,
  ): T[] {
    const ids = (c: LadderContent) => kind.list(c).map((x) => x.id);
    const [baseIds, mineIds, pubIds] = [ids(this.base), ids(this.mine), ids(this.published)];
    const [inMine, inPub] = [new Set(mineIds), new Set(pubIds)];
    const common = (list: string[]) => list.filter((id) => inMine.has(id) && inPub.has(id));
    const [b, o, t] = [common(baseIds), common(mineIds), common(pubIds)];
    const movedByMine = new Set(detectMoves(b, o).map((m) => m.id));
    const movedByPublished = new Set(detectMoves(b, t).map((m) => m.id));

    const order = mineIds.filter((id) => kept.has(id));
    const place = (id: string) => {
      const at = order.indexOf(id);
      if (at >= 0) order.splice(at, 1);
      const before = pubIds.slice(0, pubIds.indexOf(id)).reverse();
      const predecessor = before.find((x) => order.includes(x));
      order.splice(predecessor === undefined ? 0 : order.indexOf(predecessor) + 1, 0, id);
    };
    for (const id of pubIds) {
      if (!kept.has(id)) continue;
      if (fromPublishedSide.has(id)) {
        place(id);
        continue;
      }
      if (!movedByPublished.has(id)) continue;
      const contested = this.isPositionConflict(kind, id);
      if (
        contested
          ? this.choice(conflictId(kind.target(id, 'position'))) === 'published'
          : !movedByMine.has(id)
      ) {
        const label = `position of ${kind.label(kept.get(id)!)}`;
        if (!contested) this.fromPublished.push(label);
        place(id);
      }
    }
    return order.map((id) => kept.get(id)!);
  }

  private mergeCells(levels: Level[], competencies: Competency[]): Record<string, RichText> {
    const { base, mine, published } = this;
    const has = (c: LadderContent, levelId: string, compId: string) =>
      c.levels.some((l) => l.id === levelId) && c.competencies.some((x) => x.id === compId);
    const cells: Record<string, RichText> = {};
    for (const level of levels) {
      for (const comp of competencies) {
        const key = cellKey(level.id, comp.id);
        const [b, m, p] = [filledCell(base, key), filledCell(mine, key), filledCell(published, key)];
        let value: ConflictValue;
        if (!has(mine, level.id, comp.id)) value = p;
        else if (!has(published, level.id, comp.id)) value = m;
        else {
          const label = `cell ${levelLabel(level)} × '${competencyLabel(comp)}'`;
          value = this.pick(`cell:${key}`, label, [b, m, p]);
        }
        if (value) cells[key] = value as RichText;
      }
    }
    return cells;
  }
}

function setLevelField(level: Level, field: string, value: ConflictValue): Level {
  switch (field) {
    case 'code':
    case 'title':
      return { ...level, [field]: value as string };
    case 'summary':
      return { ...level, summary: (value as RichText | null) ?? emptyDoc() };
    case 'attributes':
      return { ...level, attributes: value as LevelAttribute[] };
    default:
      return level;
  }
}

function setCompetencyField(competency: Competency, field: string, value: ConflictValue): Competency {
  switch (field) {
    case 'name':
    case 'group':
      return { ...competency, [field]: value as string };
    case 'description':
      return { ...competency, description: (value as RichText | null) ?? emptyDoc() };
    default:
      return competency;
  }
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
