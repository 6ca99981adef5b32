/**
 * The Yjs layout of one editable ladder document (one `Y.Doc` per room).
 *
 *   doc.getText('title'), doc.getText('track')           ladder fields
 *   doc.getXmlFragment('description')                     ladder description (rich text)
 *   doc.getMap('levels')        levelId → Y.Map { code: Y.Text, title: Y.Text, order: string,
 *                                                 attributes: Y.Array<Y.Map { key: Y.Text, value: Y.Text }> }
 *   doc.getMap('competencies')  competencyId → Y.Map { name: Y.Text, group: Y.Text, order: string }
 *   doc.getXmlFragment('summary:<levelId>')               level summary
 *   doc.getXmlFragment('competency:<competencyId>')       competency description
 *   doc.getXmlFragment('cell:<levelId>:<competencyId>')   cell
 *
 * `order` is a fractional-indexing key; display order is (order, id) by code-unit comparison.
 * Rich text only ever lives in root-level fragments (never as a Y.Map value). Fragments of a
 * removed level/competency are cleared, and readers ignore fragments whose rows are gone.
 */
import * as Y from 'yjs';
import type { LevelAttribute } from '../model/ladder-content.ts';

export const TITLE_TEXT = 'title';
export const TRACK_TEXT = 'track';
export const DESCRIPTION_FRAGMENT = 'description';
export const LEVELS_MAP = 'levels';
export const COMPETENCIES_MAP = 'competencies';

export const SUMMARY_PREFIX = 'summary:';
export const COMPETENCY_PREFIX = 'competency:';
export const CELL_PREFIX = 'cell:';

/** Field names inside a level's / competency's / attribute's Y.Map. */
export const LEVEL_FIELDS = {
  code: 'code',
  title: 'title',
  order: 'order',
  attributes: 'attributes',
} as const;
export const COMPETENCY_FIELDS = { name: 'name', group: 'group', order: 'order' } as const;
export const ATTRIBUTE_FIELDS = { key: 'key', value: 'value' } as const;

export type LevelYMap = Y.Map<unknown>;
export type CompetencyYMap = Y.Map<unknown>;
export type AttributeYMap = Y.Map<unknown>;

// ---------------------------------------------------------------------------------------------
// Names

export function levelSummaryFragmentName(levelId: string): string {
  return `${SUMMARY_PREFIX}${levelId}`;
}
export function competencyDescriptionFragmentName(competencyId: string): string {
  return `${COMPETENCY_PREFIX}${competencyId}`;
}
export function cellFragmentName(levelId: string, competencyId: string): string {
  return `${CELL_PREFIX}${levelId}:${competencyId}`;
}

export type FragmentRef =
  | { kind: 'description' }
  | { kind: 'summary'; levelId: string }
  | { kind: 'competency'; competencyId: string }
  | { kind: 'cell'; levelId: string; competencyId: string };

/** What a root fragment name refers to, or null for names that are not rich-text fragments. */
export function parseFragmentName(name: string): FragmentRef | null {
  if (name === DESCRIPTION_FRAGMENT) return { kind: 'description' };
  if (name.startsWith(SUMMARY_PREFIX)) return { kind: 'summary', levelId: name.slice(SUMMARY_PREFIX.length) };
  if (name.startsWith(COMPETENCY_PREFIX)) {
    return { kind: 'competency', competencyId: name.slice(COMPETENCY_PREFIX.length) };
  }
  if (name.startsWith(CELL_PREFIX)) {
    const rest = name.slice(CELL_PREFIX.length);
    const i = rest.indexOf(':');
    if (i < 0) return null;
    return { kind: 'cell', levelId: rest.slice(0, i), competencyId: rest.slice(i + 1) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Accessors

export function titleText(doc: Y.Doc): Y.Text {
  return doc.getText(TITLE_TEXT);
}
export function trackText(doc: Y.Doc): Y.Text {
  return doc.getText(TRACK_TEXT);
}
export function descriptionFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DESCRIPTION_FRAGMENT);
}
export function levelsMap(doc: Y.Doc): Y.Map<LevelYMap> {
  return doc.getMap<LevelYMap>(LEVELS_MAP);
}
export function competenciesMap(doc: Y.Doc): Y.Map<CompetencyYMap> {
  return doc.getMap<CompetencyYMap>(COMPETENCIES_MAP);
}
export function levelSummaryFragment(doc: Y.Doc, levelId: string): Y.XmlFragment {
  return doc.getXmlFragment(levelSummaryFragmentName(levelId));
}
export function competencyDescriptionFragment(doc: Y.Doc, competencyId: string): Y.XmlFragment {
  return doc.getXmlFragment(competencyDescriptionFragmentName(competencyId));
}
export function cellFragment(doc: Y.Doc, levelId: string, competencyId: string): Y.XmlFragment {
  return doc.getXmlFragment(cellFragmentName(levelId, competencyId));
}

/**
 * The fragment with this root name if the document has ever had content in it (or someone asked
 * for it), else null — without creating a root type. Use it to read many possibly-empty cells.
 */
export function existingFragment(doc: Y.Doc, name: string): Y.XmlFragment | null {
  return doc.share.has(name) ? doc.getXmlFragment(name) : null;
}

/** Root names of all rich-text fragments present in the doc (including orphaned ones). */
export function fragmentNames(doc: Y.Doc): string[] {
  return [...doc.share.keys()].filter((name) => parseFragmentName(name) !== null);
}

/**
 * Gives every rich-text root that arrived in an update (untyped until first asked for) its type,
 * Y.XmlFragment, in one transaction. Asking for them one by one runs an (empty) transaction each:
 * opening the 800 cells of a large ladder cost ~35 ms of transactions in a browser, ~1 ms like this.
 * Changes no content: nothing is sent or stored.
 */
export function typeRichTextRoots(doc: Y.Doc): void {
  const untyped = [...doc.share].filter(
    ([name, type]) => type.constructor === Y.AbstractType && parseFragmentName(name) !== null,
  );
  if (untyped.length === 0) return;
  doc.transact(() => {
    for (const [name] of untyped) doc.getXmlFragment(name);
  });
}

export function levelMap(doc: Y.Doc, levelId: string): LevelYMap | undefined {
  return levelsMap(doc).get(levelId);
}
export function competencyMap(doc: Y.Doc, competencyId: string): CompetencyYMap | undefined {
  return competenciesMap(doc).get(competencyId);
}

/** A Y.Text field of a row map (undefined when missing or of the wrong type). */
export function textField(map: Y.Map<unknown>, field: string): Y.Text | undefined {
  const v = map.get(field);
  return v instanceof Y.Text ? v : undefined;
}

export function orderOf(map: Y.Map<unknown>): string {
  const v = map.get('order');
  return typeof v === 'string' ? v : '';
}

export function attributesArray(level: LevelYMap): Y.Array<AttributeYMap> | undefined {
  const v = level.get(LEVEL_FIELDS.attributes);
  return v instanceof Y.Array ? (v as Y.Array<AttributeYMap>) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Plain views

export interface LevelView {
  id: string;
  code: string;
  title: string;
  order: string;
  attributes: LevelAttribute[];
}

export interface CompetencyView {
  id: string;
  name: string;
  group: string;
  order: string;
}

/** Display order: by fractional key, then id (plain code-unit comparison, like fractional-indexing). */
export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

function str(t: Y.Text | undefined): string {
  return t ? t.toString() : '';
}

export function readAttributes(level: LevelYMap): LevelAttribute[] {
  const arr = attributesArray(level);
  if (!arr) return [];
  const out: LevelAttribute[] = [];
  for (const m of arr.toArray()) {
    if (!(m instanceof Y.Map)) continue;
    out.push({
      key: str(textField(m, ATTRIBUTE_FIELDS.key)),
      value: str(textField(m, ATTRIBUTE_FIELDS.value)),
    });
  }
  return out;
}

export function levelView(id: string, map: LevelYMap): LevelView {
  return {
    id,
    code: str(textField(map, LEVEL_FIELDS.code)),
    title: str(textField(map, LEVEL_FIELDS.title)),
    order: orderOf(map),
    attributes: readAttributes(map),
  };
}

export function competencyView(id: string, map: CompetencyYMap): CompetencyView {
  return {
    id,
    name: str(textField(map, COMPETENCY_FIELDS.name)),
    group: str(textField(map, COMPETENCY_FIELDS.group)),
    order: orderOf(map),
  };
}

/** Levels in display order. */
export function orderedLevels(doc: Y.Doc): LevelView[] {
  const out: LevelView[] = [];
  levelsMap(doc).forEach((map, id) => {
    if (map instanceof Y.Map) out.push(levelView(id, map));
  });
  return out.sort(compareOrder);
}

/** Competencies in display order. */
export function orderedCompetencies(doc: Y.Doc): CompetencyView[] {
  const out: CompetencyView[] = [];
  competenciesMap(doc).forEach((map, id) => {
    if (map instanceof Y.Map) out.push(competencyView(id, map));
  });
  return out.sort(compareOrder);
}

/** Level ids in display order (cheaper than `orderedLevels` when only ids are needed). */
export function orderedLevelIds(doc: Y.Doc): string[] {
  return orderedIds(levelsMap(doc));
}

/** Competency ids in display order. */
export function orderedCompetencyIds(doc: Y.Doc): string[] {
  return orderedIds(competenciesMap(doc));
}

function orderedIds(map: Y.Map<Y.Map<unknown>>): string[] {
  const rows: { id: string; order: string }[] = [];
  map.forEach((m, id) => {
    if (m instanceof Y.Map) rows.push({ id, order: orderOf(m) });
  });
  return rows.sort(compareOrder).map((r) => r.id);
}
