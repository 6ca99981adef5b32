/**
 * Whole-ladder conversion between `LadderContent` (canonical JSON) and a ladder Y.Doc.
 */
import * as Y from 'yjs';
import {
  CompetencySchema,
  LADDER_CONTENT_VERSION,
  LadderContentError,
  LadderContentSchema,
  LevelSchema,
  cellKey,
  validateLadderContent,
  type Competency,
  type LadderContent,
  type Level,
} from '../model/ladder-content.ts';
import { isEmptyDoc, type RichText } from '../model/rich-text.ts';
import { normalizeRichText, richTextSchemaProblem } from '../richtext/schema.ts';
import {
  COMPETENCY_FIELDS,
  LEVEL_FIELDS,
  cellFragment,
  cellFragmentName,
  competenciesMap,
  competencyDescriptionFragment,
  competencyDescriptionFragmentName,
  descriptionFragment,
  existingFragment,
  fragmentNames,
  levelSummaryFragment,
  levelSummaryFragmentName,
  levelsMap,
  orderOf,
  orderedCompetencies,
  orderedLevels,
  parseFragmentName,
  textField,
  titleText,
  trackText,
  typeRichTextRoots,
} from './layout.ts';
import {
  createCompetencyMap,
  createLevelMap,
  removeCompetency,
  removeLevel,
  writeAttributes,
} from './ops.ts';
import { orderKeysFor } from './order.ts';
import { clearFragment, readRichText, writeRichText } from './rich-text-fragment.ts';
import { setYText } from './text.ts';

function setText(map: Y.Map<unknown>, field: string, value: string): void {
  const t = textField(map, field);
  if (t) setYText(t, value);
  else map.set(field, new Y.Text(value));
}

function currentOrders(map: Y.Map<Y.Map<unknown>>): Map<string, string> {
  const out = new Map<string, string>();
  map.forEach((m, id) => {
    if (m instanceof Y.Map) out.set(id, orderOf(m));
  });
  return out;
}

/** Every rich text must fit the editor's schema, or opening an editor on it would lose text. */
function assertRichTextFitsSchema(content: LadderContent): void {
  const problems: string[] = [];
  const check = (where: string, doc: RichText) => {
    const problem = richTextSchemaProblem(doc);
    if (problem) problems.push(`${where}: ${problem}`);
  };
  check('/description', content.description);
  content.levels.forEach((l, i) => check(`/levels/${i}/summary`, l.summary));
  content.competencies.forEach((c, i) => check(`/competencies/${i}/description`, c.description));
  for (const [key, cell] of Object.entries(content.cells)) check(`/cells/${key}`, cell);
  if (problems.length) {
    throw new LadderContentError(`Not a valid ladder: rich text at ${problems[0]}`, problems);
  }
}

/**
 * Make `doc` hold `content` (validated first; throws `LadderContentError` when invalid). Works on
 * a fresh or an existing doc in one transaction: levels/competencies are matched by id and
 * updated in place (minimal text edits, existing order keys kept where the order allows),
 * created or removed; rich text is written *into* the existing fragments; cells absent from
 * `content` (or empty) are cleared, as are leftover fragments of rows that no longer exist.
 */
export function writeLadderContent(doc: Y.Doc, content: LadderContent): void {
  validateLadderContent(content);
  assertRichTextFitsSchema(content);
  doc.transact(() => {
    setYText(titleText(doc), content.title);
    setYText(trackText(doc), content.track);
    writeRichText(descriptionFragment(doc), content.description);

    // Levels
    const levels = levelsMap(doc);
    const levelIds = new Set(content.levels.map((l) => l.id));
    for (const id of [...levels.keys()]) if (!levelIds.has(id)) removeLevel(doc, id);
    const levelKeys = orderKeysFor(
      content.levels.map((l) => l.id),
      currentOrders(levels),
    );
    for (const level of content.levels) {
      const map = levels.get(level.id);
      const order = levelKeys.get(level.id)!;
      if (map instanceof Y.Map) {
        setText(map, LEVEL_FIELDS.code, level.code);
        setText(map, LEVEL_FIELDS.title, level.title);
        if (orderOf(map) !== order) map.set(LEVEL_FIELDS.order, order);
        writeAttributes(map, level.attributes);
        writeRichText(levelSummaryFragment(doc, level.id), level.summary);
      } else {
        levels.set(level.id, createLevelMap(level, order));
        writeRichText(levelSummaryFragment(doc, level.id), level.summary);
      }
    }

    // Competencies
    const comps = competenciesMap(doc);
    const compIds = new Set(content.competencies.map((c) => c.id));
    for (const id of [...comps.keys()]) if (!compIds.has(id)) removeCompetency(doc, id);
    const compKeys = orderKeysFor(
      content.competencies.map((c) => c.id),
      currentOrders(comps),
    );
    for (const comp of content.competencies) {
      const map = comps.get(comp.id);
      const order = compKeys.get(comp.id)!;
      if (map instanceof Y.Map) {
        setText(map, COMPETENCY_FIELDS.name, comp.name);
        setText(map, COMPETENCY_FIELDS.group, comp.group);
        if (orderOf(map) !== order) map.set(COMPETENCY_FIELDS.order, order);
        writeRichText(competencyDescriptionFragment(doc, comp.id), comp.description);
      } else {
        comps.set(comp.id, createCompetencyMap(comp, order));
        writeRichText(competencyDescriptionFragment(doc, comp.id), comp.description);
      }
    }

    // Cells
    for (const level of content.levels) {
      for (const comp of content.competencies) {
        const cell = content.cells[cellKey(level.id, comp.id)];
        if (cell && !isEmptyDoc(cell)) {
          writeRichText(cellFragment(doc, level.id, comp.id), cell);
        } else {
          const f = existingFragment(doc, cellFragmentName(level.id, comp.id));
          if (f) clearFragment(f);
        }
      }
    }

    // Leftovers of rows that are gone (e.g. written concurrently with a removal).
    for (const name of fragmentNames(doc)) {
      const ref = parseFragmentName(name);
      const orphan =
        (ref?.kind === 'summary' && !levelIds.has(ref.levelId)) ||
        (ref?.kind === 'competency' && !compIds.has(ref.competencyId)) ||
        (ref?.kind === 'cell' && (!levelIds.has(ref.levelId) || !compIds.has(ref.competencyId)));
      if (orphan) clearFragment(doc.getXmlFragment(name));
    }
  });
}

/**
 * Cut a string to the schema's maxLength (never splitting a surrogate pair). Concurrent edits can
 * merge two valid strings into one that is too long; readers still get valid content.
 */
function clamp(value: string, max: number | undefined): string {
  if (max === undefined || value.length <= max) return value;
  let end = max;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return value.slice(0, end);
}

const MAX = {
  title: LadderContentSchema.properties.title.maxLength,
  track: LadderContentSchema.properties.track.maxLength,
  levelCode: LevelSchema.properties.code.maxLength,
  levelTitle: LevelSchema.properties.title.maxLength,
  competencyName: CompetencySchema.properties.name.maxLength,
  competencyGroup: CompetencySchema.properties.group.maxLength,
};

function readExisting(doc: Y.Doc, name: string): RichText {
  const f = existingFragment(doc, name);
  return f ? readRichText(f) : { type: 'doc', content: [] };
}

/**
 * The ladder held by `doc`, in canonical form: levels and competencies in display order, rich
 * text normalized, only non-empty cells of existing rows (fragments of removed rows are ignored).
 * Always valid per `validateLadderContent` (strings that concurrent edits made longer than the
 * schema allows are cut to its maxLength); reading never modifies the doc.
 */
export function readLadderContent(doc: Y.Doc): LadderContent {
  typeRichTextRoots(doc);
  const levels: Level[] = orderedLevels(doc).map((v) => ({
    id: v.id,
    code: clamp(v.code, MAX.levelCode),
    title: clamp(v.title, MAX.levelTitle),
    summary: readExisting(doc, levelSummaryFragmentName(v.id)),
    attributes: v.attributes,
  }));
  const competencies: Competency[] = orderedCompetencies(doc).map((v) => ({
    id: v.id,
    name: clamp(v.name, MAX.competencyName),
    group: clamp(v.group, MAX.competencyGroup),
    description: readExisting(doc, competencyDescriptionFragmentName(v.id)),
  }));
  const cells: Record<string, RichText> = {};
  for (const level of levels) {
    for (const comp of competencies) {
      const f = existingFragment(doc, cellFragmentName(level.id, comp.id));
      if (!f || f.length === 0) continue;
      const rt = readRichText(f);
      if (!isEmptyDoc(rt)) cells[cellKey(level.id, comp.id)] = rt;
    }
  }
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: clamp(titleText(doc).toString(), MAX.title),
    track: clamp(trackText(doc).toString(), MAX.track),
    description: readExisting(doc, 'description'),
    levels,
    competencies,
    cells,
  };
}

/**
 * The canonical form of a ladder, i.e. what `readLadderContent(writeLadderContent(content))`
 * returns: rich text normalized, empty cells and cells of missing rows dropped.
 */
export function normalizeLadderContent(content: LadderContent): LadderContent {
  const levelIds = new Set(content.levels.map((l) => l.id));
  const compIds = new Set(content.competencies.map((c) => c.id));
  const cells: Record<string, RichText> = {};
  for (const level of content.levels) {
    for (const comp of content.competencies) {
      const key = cellKey(level.id, comp.id);
      const cell = content.cells[key];
      if (!cell || !levelIds.has(level.id) || !compIds.has(comp.id)) continue;
      const rt = normalizeRichText(cell);
      if (!isEmptyDoc(rt)) cells[key] = rt;
    }
  }
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: content.title,
    track: content.track,
    description: normalizeRichText(content.description),
    levels: content.levels.map((l) => ({
      id: l.id,
      code: l.code,
      title: l.title,
      summary: normalizeRichText(l.summary),
      attributes: l.attributes.map((a) => ({ key: a.key, value: a.value })),
    })),
    competencies: content.competencies.map((c) => ({
      id: c.id,
      name: c.name,
      group: c.group,
      description: normalizeRichText(c.description),
    })),
    cells,
  };
}
