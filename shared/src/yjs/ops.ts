/**
 * Structural edits of a ladder Y.Doc. Every op is one `doc.transact` (nested calls join the
 * caller's transaction), edits Y.Texts minimally, and never replaces a fragment.
 */
import * as Y from 'yjs';
import { newId } from '../model/ids.ts';
import type { LevelAttribute } from '../model/ladder-content.ts';
import type { PMNode } from '../model/rich-text.ts';
import {
  ATTRIBUTE_FIELDS,
  CELL_PREFIX,
  COMPETENCY_FIELDS,
  LEVEL_FIELDS,
  attributesArray,
  cellFragment,
  cellFragmentName,
  competenciesMap,
  competencyDescriptionFragment,
  descriptionFragment,
  levelSummaryFragment,
  levelsMap,
  orderOf,
  parseFragmentName,
  textField,
  titleText,
  trackText,
  compareOrder,
  type AttributeYMap,
  type CompetencyYMap,
  type LevelYMap,
} from './layout.ts';
import { orderKeyAt, type OrderedRow } from './order.ts';
import { clearFragment, writeRichText } from './rich-text-fragment.ts';
import { setYText } from './text.ts';

/** Where to put a row: before/after another row (by id), or at an index of the final list. */
export type Placement = { beforeId: string } | { afterId: string | null } | { index: number };

// ---------------------------------------------------------------------------------------------
// Helpers

function rowsOf(map: Y.Map<Y.Map<unknown>>, exceptId?: string): OrderedRow[] {
  const rows: OrderedRow[] = [];
  map.forEach((m, id) => {
    if (id !== exceptId && m instanceof Y.Map) rows.push({ id, order: orderOf(m) });
  });
  return rows.sort(compareOrder);
}

/** Index in `rows` for a placement, or -1 when the reference row does not exist. */
function placementIndex(rows: readonly OrderedRow[], where: Placement | undefined): number {
  if (!where) return rows.length;
  if ('index' in where) return Math.max(0, Math.min(Math.floor(where.index), rows.length));
  if ('beforeId' in where) return rows.findIndex((r) => r.id === where.beforeId);
  if (where.afterId === null) return 0;
  const i = rows.findIndex((r) => r.id === where.afterId);
  return i < 0 ? -1 : i + 1;
}

/** Compute an order key for `id` at `where` and apply any re-keying of tied neighbours. */
function placeRow(map: Y.Map<Y.Map<unknown>>, id: string, where: Placement | undefined): string | null {
  const rows = rowsOf(map, id);
  const index = placementIndex(rows, where);
  if (index < 0) return null;
  const { key, rekey } = orderKeyAt(rows, index);
  for (const [otherId, otherKey] of rekey) map.get(otherId)?.set('order', otherKey);
  return key;
}

function setTextField(map: Y.Map<unknown>, field: string, value: string): void {
  const text = textField(map, field);
  if (text) setYText(text, value);
  else map.set(field, new Y.Text(value));
}

function newAttributeMap(attr: LevelAttribute): AttributeYMap {
  return new Y.Map<unknown>([
    [ATTRIBUTE_FIELDS.key, new Y.Text(attr.key)],
    [ATTRIBUTE_FIELDS.value, new Y.Text(attr.value)],
  ]);
}

/**
 * A new (prelim) level map with all its nested types, to be inserted with `levelsMap(doc).set`
 * in the same transaction.
 */
export function createLevelMap(
  level: { code: string; title: string; attributes?: readonly LevelAttribute[] },
  order: string,
): LevelYMap {
  return new Y.Map<unknown>([
    [LEVEL_FIELDS.code, new Y.Text(level.code)],
    [LEVEL_FIELDS.title, new Y.Text(level.title)],
    [LEVEL_FIELDS.order, order],
    [LEVEL_FIELDS.attributes, Y.Array.from((level.attributes ?? []).map(newAttributeMap))],
  ]);
}

/** A new (prelim) competency map, see `createLevelMap`. */
export function createCompetencyMap(
  competency: { name: string; group?: string },
  order: string,
): CompetencyYMap {
  return new Y.Map<unknown>([
    [COMPETENCY_FIELDS.name, new Y.Text(competency.name)],
    [COMPETENCY_FIELDS.group, new Y.Text(competency.group ?? '')],
    [COMPETENCY_FIELDS.order, order],
  ]);
}

/** Make a level's attribute array equal `attrs` (position-wise Y.Text diffs, append, trim). */
export function writeAttributes(level: LevelYMap, attrs: readonly LevelAttribute[]): void {
  let arr = attributesArray(level);
  if (!arr) {
    arr = Y.Array.from(attrs.map(newAttributeMap));
    level.set(LEVEL_FIELDS.attributes, arr);
    return;
  }
  const existing = arr.toArray();
  const common = Math.min(existing.length, attrs.length);
  for (let i = 0; i < common; i++) {
    const m = existing[i]!;
    const a = attrs[i]!;
    if (!(m instanceof Y.Map)) {
      arr.delete(i, 1);
      arr.insert(i, [newAttributeMap(a)]);
      continue;
    }
    setTextField(m, ATTRIBUTE_FIELDS.key, a.key);
    setTextField(m, ATTRIBUTE_FIELDS.value, a.value);
  }
  if (existing.length > attrs.length) arr.delete(attrs.length, existing.length - attrs.length);
  if (attrs.length > existing.length) arr.push(attrs.slice(existing.length).map(newAttributeMap));
}

/** Clear every cell fragment of a level or competency (including cells of rows already gone). */
function clearCellsOf(doc: Y.Doc, which: 'level' | 'competency', id: string): void {
  for (const name of [...doc.share.keys()]) {
    if (!name.startsWith(CELL_PREFIX)) continue;
    const ref = parseFragmentName(name);
    if (ref?.kind !== 'cell') continue;
    if ((which === 'level' ? ref.levelId : ref.competencyId) === id) clearFragment(doc.getXmlFragment(name));
  }
}

// ---------------------------------------------------------------------------------------------
// Ladder fields

export function setLadderTitle(doc: Y.Doc, title: string): void {
  doc.transact(() => setYText(titleText(doc), title));
}

export function setLadderTrack(doc: Y.Doc, track: string): void {
  doc.transact(() => setYText(trackText(doc), track));
}

export function setLadderDescription(doc: Y.Doc, description: PMNode): void {
  doc.transact(() => writeRichText(descriptionFragment(doc), description));
}

// ---------------------------------------------------------------------------------------------
// Levels

export interface NewLevel {
  code: string;
  title: string;
  attributes?: LevelAttribute[];
  summary?: PMNode;
  /** Use this id instead of a fresh random one (imports); must not be in use. */
  id?: string;
  /** Insert after this level (null = first). Default: last. */
  afterId?: string | null;
  /** Insert before this level (ignored when `afterId` is given). */
  beforeId?: string;
  /** Insert at this index (ignored when `afterId`/`beforeId` is given). */
  index?: number;
}

function placementOf(p: {
  afterId?: string | null;
  beforeId?: string;
  index?: number;
}): Placement | undefined {
  if (p.afterId !== undefined) return { afterId: p.afterId };
  if (p.beforeId !== undefined) return { beforeId: p.beforeId };
  if (p.index !== undefined) return { index: p.index };
  return undefined;
}

/** Add a level; returns its id. A missing `afterId`/`beforeId` row places it last. */
export function addLevel(doc: Y.Doc, level: NewLevel): string {
  const id = level.id ?? newId();
  doc.transact(() => {
    const levels = levelsMap(doc);
    if (levels.has(id)) throw new Error(`level ${id} already exists`);
    const order = placeRow(levels, id, placementOf(level)) ?? placeRow(levels, id, undefined)!;
    levels.set(id, createLevelMap(level, order));
    // A caller-chosen id may have been used before: drop any leftover rich text.
    if (level.id !== undefined) clearCellsOf(doc, 'level', id);
    const summary = levelSummaryFragment(doc, id);
    if (level.summary) writeRichText(summary, level.summary);
    else clearFragment(summary);
  });
  return id;
}

/** Change a level's code and/or title (minimal text edits). Returns false if the level is gone. */
export function renameLevel(doc: Y.Doc, id: string, fields: { code?: string; title?: string }): boolean {
  const map = levelsMap(doc).get(id);
  if (!map) return false;
  doc.transact(() => {
    if (fields.code !== undefined) setTextField(map, LEVEL_FIELDS.code, fields.code);
    if (fields.title !== undefined) setTextField(map, LEVEL_FIELDS.title, fields.title);
  });
  return true;
}

/**
 * Move a level. `index` is its position in the resulting list. Returns false (and does nothing)
 * when the level or the reference row does not exist.
 */
export function moveLevel(doc: Y.Doc, id: string, where: Placement): boolean {
  const levels = levelsMap(doc);
  const map = levels.get(id);
  if (!map) return false;
  let ok = false;
  doc.transact(() => {
    const order = placeRow(levels, id, where);
    if (order === null) return;
    ok = true;
    if (order !== orderOf(map)) map.set(LEVEL_FIELDS.order, order);
  });
  return ok;
}

/** Remove a level and clear its summary and cells. Returns false if it was not there. */
export function removeLevel(doc: Y.Doc, id: string): boolean {
  const levels = levelsMap(doc);
  const existed = levels.has(id);
  doc.transact(() => {
    levels.delete(id);
    clearFragment(levelSummaryFragment(doc, id));
    clearCellsOf(doc, 'level', id);
  });
  return existed;
}

/** Replace a level's ordered key/value attributes. Returns false if the level is gone. */
export function setLevelAttributes(doc: Y.Doc, id: string, attributes: readonly LevelAttribute[]): boolean {
  const map = levelsMap(doc).get(id);
  if (!map) return false;
  doc.transact(() => writeAttributes(map, attributes));
  return true;
}

/** Replace a level's summary (written into its fragment). Returns false if the level is gone. */
export function setLevelSummary(doc: Y.Doc, id: string, summary: PMNode): boolean {
  if (!levelsMap(doc).has(id)) return false;
  doc.transact(() => writeRichText(levelSummaryFragment(doc, id), summary));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Competencies

export interface NewCompetency {
  name: string;
  group?: string;
  description?: PMNode;
  id?: string;
  afterId?: string | null;
  beforeId?: string;
  index?: number;
}

/** Add a competency; returns its id. */
export function addCompetency(doc: Y.Doc, competency: NewCompetency): string {
  const id = competency.id ?? newId();
  doc.transact(() => {
    const comps = competenciesMap(doc);
    if (comps.has(id)) throw new Error(`competency ${id} already exists`);
    const order = placeRow(comps, id, placementOf(competency)) ?? placeRow(comps, id, undefined)!;
    comps.set(id, createCompetencyMap(competency, order));
    if (competency.id !== undefined) clearCellsOf(doc, 'competency', id);
    const description = competencyDescriptionFragment(doc, id);
    if (competency.description) writeRichText(description, competency.description);
    else clearFragment(description);
  });
  return id;
}

/** Rename a competency (minimal text edit). Returns false if it is gone. */
export function renameCompetency(doc: Y.Doc, id: string, name: string): boolean {
  const map = competenciesMap(doc).get(id);
  if (!map) return false;
  doc.transact(() => setTextField(map, COMPETENCY_FIELDS.name, name));
  return true;
}

/** Set a competency's group/pillar ('' for none). Returns false if it is gone. */
export function setCompetencyGroup(doc: Y.Doc, id: string, group: string): boolean {
  const map = competenciesMap(doc).get(id);
  if (!map) return false;
  doc.transact(() => setTextField(map, COMPETENCY_FIELDS.group, group));
  return true;
}

/** Move a competency (see `moveLevel`). */
export function moveCompetency(doc: Y.Doc, id: string, where: Placement): boolean {
  const comps = competenciesMap(doc);
  const map = comps.get(id);
  if (!map) return false;
  let ok = false;
  doc.transact(() => {
    const order = placeRow(comps, id, where);
    if (order === null) return;
    ok = true;
    if (order !== orderOf(map)) map.set(COMPETENCY_FIELDS.order, order);
  });
  return ok;
}

/** Remove a competency and clear its description and cells. */
export function removeCompetency(doc: Y.Doc, id: string): boolean {
  const comps = competenciesMap(doc);
  const existed = comps.has(id);
  doc.transact(() => {
    comps.delete(id);
    clearFragment(competencyDescriptionFragment(doc, id));
    clearCellsOf(doc, 'competency', id);
  });
  return existed;
}

/** Replace a competency's description. Returns false if it is gone. */
export function setCompetencyDescription(doc: Y.Doc, id: string, description: PMNode): boolean {
  if (!competenciesMap(doc).has(id)) return false;
  doc.transact(() => writeRichText(competencyDescriptionFragment(doc, id), description));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Replace a cell's content (an empty doc clears it). Returns false (and writes nothing) when the
 * level or competency does not exist.
 */
export function setCell(doc: Y.Doc, levelId: string, competencyId: string, content: PMNode): boolean {
  if (!levelsMap(doc).has(levelId) || !competenciesMap(doc).has(competencyId)) return false;
  doc.transact(() => writeRichText(cellFragment(doc, levelId, competencyId), content));
  return true;
}

/** Empty a cell. */
export function clearCell(doc: Y.Doc, levelId: string, competencyId: string): void {
  if (!doc.share.has(cellFragmentName(levelId, competencyId))) return;
  doc.transact(() => clearFragment(cellFragment(doc, levelId, competencyId)));
}
