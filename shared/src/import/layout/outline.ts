import type { PMNode } from '../../model/index.ts';
import {
  buildOutline,
  type DocBlock,
  type Section,
  type SourceDocument,
  type TableBlock,
} from '../document.ts';
import type { LadderBuilder, LevelDraft } from '../ladder-builder.ts';
import { levelScore, parseLevelName } from '../level-name.ts';
import type { LayoutId } from '../types.ts';
import type { Warnings } from '../warnings.ts';
import { boldParagraph, isAttribute, responsibilityRows, tableToBlocks } from './cells.ts';
import { isLabelledItem, labelledList } from './labelled.ts';
import { applyLevelsTable } from './levels-table.ts';

/**
 * Ladders written as headings: levels as sections (`## EM-1 — Engineering Manager`) holding
 * competencies as sub-sections, labelled bullets (`**Designs**: …`) or a responsibility table,
 * optionally grouped (`### Results` → `#### Impact`); or the other way round (competencies holding
 * levels); or one level per document (`# IC5 Staff TPM` with pillar sections). Returns null when
 * the headings carry no ladder structure.
 */
export interface OutlineResult {
  layout: LayoutId;
  /** False when competencies had to be invented (levels with text but no competencies). */
  structured: boolean;
  /** Read from our own export (marked), without guessing: trusted even when every cell is empty. */
  exact?: boolean;
}

const DEFINITIONS = /^(competenc(y|ies)|competency (definitions|descriptions)|definitions)$/i;

type Reader = { b: LadderBuilder; w: Warnings; labelled: boolean; tables: boolean };

function hasLabelledList(blocks: DocBlock[]): boolean {
  return blocks.some((x) => x.kind === 'content' && labelledList(x.node) !== null);
}

function hasResponsibilityTable(blocks: DocBlock[]): boolean {
  return blocks.some((x) => x.kind === 'table' && responsibilityRows(x) !== null);
}

function structured(s: Section): boolean {
  return s.children.length > 0 || hasLabelledList(s.content) || hasResponsibilityTable(s.content);
}

function hasContent(s: Section): boolean {
  return s.content.length > 0 || s.children.some(hasContent);
}

function leaves(s: Section): Section[] {
  return s.children.length ? s.children.flatMap(leaves) : [s];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Content blocks (tables flattened) of a list of blocks. */
function contentBlocks(blocks: DocBlock[]): PMNode[] {
  return blocks.flatMap((x) =>
    x.kind === 'content' ? [x.node] : x.kind === 'table' ? tableToBlocks(x) : [],
  );
}

/** A section's content and its sub-sections (as headings inside rich text). */
function sectionBlocks(s: Section): PMNode[] {
  return [
    ...contentBlocks(s.content),
    ...s.children.flatMap((c) => [
      {
        type: 'heading',
        attrs: { level: Math.min(6, c.heading.depth) },
        content: [{ type: 'text', text: c.heading.text }],
      },
      ...sectionBlocks(c),
    ]),
  ];
}

export function readOutline(doc: SourceDocument, b: LadderBuilder, w: Warnings): OutlineResult | null {
  const outline = buildOutline(doc.blocks);
  const roots = outline.roots;
  if (!roots.length) return null;
  const r: Reader = { b, w, labelled: false, tables: false };
  if (doc.blocks.some((x) => x.kind === 'marker' && x.name === 'ladder'))
    return readRungsMarkdown(outline, r);
  const first = roots[0]!;

  let titleSection: Section | undefined;
  let candidates: Section[];
  let extras: Section[] = [];
  if (
    first.children.length &&
    roots.slice(1).every((s) => !s.children.length && levelScore(s.heading.text) === 0)
  ) {
    titleSection = first;
    candidates = first.children;
    extras = roots.slice(1);
  } else {
    candidates = roots;
  }

  // Preamble and the title section's own text describe the ladder.
  const descriptionBlocks: DocBlock[] = [...outline.preamble, ...(titleSection?.content ?? [])];

  // One level per document: "# IC5 Staff TPM" with pillar or competency sections below.
  const nonDefinition = candidates.filter((c) => !DEFINITIONS.test(c.heading.text));
  if (
    titleSection &&
    nonDefinition.length &&
    nonDefinition.every((c) => levelScore(c.heading.text) === 0) &&
    (parseLevelName(titleSection.heading.text, titleSection.heading.anchor).code !== '' ||
      nonDefinition.every((c) => !structured(c)))
  ) {
    const level = b.addLevel(parseLevelName(titleSection.heading.text, titleSection.heading.anchor));
    b.title = level.title || titleSection.heading.text;
    readDescription(outline.preamble, [], r);
    readLevelBody(level, titleSection.content, titleSection.children, r);
    extras.forEach((s) => readExtra(s, r));
    return finish(r, 'level-document');
  }

  if (titleSection) b.title = titleSection.heading.text;

  // Levels as sections, or competencies as sections with levels inside?
  const body = candidates.filter((c) => !DEFINITIONS.test(c.heading.text) || c.children.length === 0);
  const definitions = candidates.filter((c) => DEFINITIONS.test(c.heading.text) && c.children.length > 0);
  const outerScore = mean(body.map((c) => levelScore(c.heading.text)));
  const leafNames = body.flatMap((c) => (c.children.length ? leaves(c) : [])).map((s) => s.heading.text);
  const competencyMajor = leafNames.length > 0 && mean(leafNames.map(levelScore)) > outerScore;

  if (competencyMajor) {
    for (const c of body) readCompetencySection(c, '', r);
    readDescription(descriptionBlocks, [], r);
    extras.forEach((s) => readExtra(s, r));
    return finish(r, 'competency-headings');
  }

  definitions.forEach((d) => readDefinitions(d, r));
  const anyStructured = body.some(structured);
  const levels: Array<{ level: LevelDraft; section: Section }> = [];
  for (const c of body) {
    if (anyStructured && !structured(c) && levelScore(c.heading.text) === 0) {
      w.add(
        'not_a_level',
        `Section “${c.heading.text}” has no competencies; it was kept in the ladder description.`,
        c.heading.line,
      );
      extras.push(c);
      continue;
    }
    const level = b.addLevel(parseLevelName(c.heading.text, c.heading.anchor));
    levels.push({ level, section: c });
    readLevelBody(level, c.content, c.children, r);
  }
  readDescription(
    descriptionBlocks,
    levels.map((l) => l.level),
    r,
  );
  extras.forEach((s) => readExtra(s, r));
  return finish(r, r.labelled ? 'labelled-bullets' : 'headings');
}

/**
 * Our own Markdown export (marked `<!-- rungs:ladder -->`): `# Title`, description, an optional
 * levels table, an optional `## Competencies` section (marked) with descriptions, then one
 * `## Level` per level whose `### Competency` (or `### Group` → `#### Competency`) sections are cells.
 * Read without guessing, so that every ladder reads back as it was written.
 */
/** Heading text as written, `{#…}` included: our export writes no anchors. */
function exactText(s: Section): string {
  return s.heading.fullText ?? s.heading.text;
}

function readRungsMarkdown(outline: ReturnType<typeof buildOutline>, r: Reader): OutlineResult | null {
  const first = outline.roots[0]!;
  const titled = first.heading.depth === 1;
  const sections = titled ? [...first.children, ...outline.roots.slice(1)] : outline.roots;
  if (titled) r.b.title = exactText(first);
  const levels: LevelDraft[] = [];
  for (const s of sections) {
    if (s.content[0]?.kind === 'marker' && s.content[0].name === 'competencies') {
      readDefinitions(s, r, exactText);
      continue;
    }
    const level = r.b.addLevel(parseLevelName(exactText(s)));
    levels.push(level);
    level.summary.push(...contentBlocks(s.content));
    for (const child of s.children) {
      if (child.children.length) {
        for (const gc of child.children) {
          r.b.appendCell(
            level,
            r.b.competency(exactText(gc), exactText(child), level.id),
            sectionBlocks(gc),
            gc.heading.line,
          );
        }
      } else
        r.b.appendCell(
          level,
          r.b.competency(exactText(child), '', level.id),
          sectionBlocks(child),
          child.heading.line,
        );
    }
  }
  readDescription([...outline.preamble, ...(titled ? first.content : [])], levels, r);
  return levels.length ? { layout: 'headings', structured: true, exact: true } : null;
}

function finish(r: Reader, layout: LayoutId): OutlineResult | null {
  if (!r.b.levels.length) return null;
  if (r.b.hasCompetencies()) return { layout, structured: true };
  // Levels with text but no competencies: their text becomes one "Expectations" competency.
  let moved = false;
  for (const level of r.b.levels) {
    if (!level.summary.length) continue;
    const comp = r.b.competency('Expectations', '', level.id);
    r.b.appendCell(level, comp, level.summary);
    level.summary = [];
    moved = true;
  }
  if (!moved) return null;
  r.w.add(
    'no_competencies',
    'No competencies were found under the levels; each level’s text was put in one competency, “Expectations”.',
  );
  return { layout, structured: false };
}

function readDescription(blocks: DocBlock[], levels: LevelDraft[], r: Reader): void {
  for (const x of blocks) {
    if (x.kind === 'table') {
      if (levels.length && applyLevelsTable(x, levels, r.w)) continue;
      r.b.description.push(...tableToBlocks(x));
    } else if (x.kind === 'content') r.b.description.push(x.node);
  }
}

function readExtra(s: Section, r: Reader): void {
  if (!hasContent(s)) return;
  r.w.add(
    'not_a_level',
    `Section “${s.heading.text}” is not part of the ladder; it was kept in the ladder description.`,
    s.heading.line,
  );
  r.b.description.push(
    {
      type: 'heading',
      attrs: { level: Math.min(6, s.heading.depth) },
      content: [{ type: 'text', text: s.heading.text }],
    },
    ...sectionBlocks(s),
  );
}

function readLevelBody(level: LevelDraft, content: DocBlock[], children: Section[], r: Reader): void {
  readLevelContent(level, content, '', undefined, r);
  for (const child of children) {
    const name = child.heading.text;
    if (child.children.length) {
      readLevelContent(level, child.content, name, name, r);
      for (const gc of child.children) {
        const comp = r.b.competency(gc.heading.text, name, level.id);
        r.b.appendCell(level, comp, sectionBlocks(gc), gc.heading.line);
      }
    } else if (hasResponsibilityTable(child.content)) {
      readLevelContent(level, child.content, name, name, r);
    } else {
      const comp = r.b.competency(name, '', level.id);
      r.b.appendCell(level, comp, contentBlocks(child.content), child.heading.line);
    }
  }
}

/**
 * Blocks directly under a level (or a group of it): responsibility tables and labelled lists give
 * competencies, the rest is the level's summary (labelled with the group name when under a group).
 */
function readLevelContent(
  level: LevelDraft,
  blocks: DocBlock[],
  group: string,
  introLabel: string | undefined,
  r: Reader,
): void {
  const summary: PMNode[] = [];
  for (const x of blocks) {
    if (x.kind === 'table') {
      const rows = responsibilityRows(x as TableBlock);
      if (!rows) {
        summary.push(...tableToBlocks(x));
        continue;
      }
      r.tables = true;
      for (const row of rows) {
        if (!group && isAttribute(row.name, [row.cell])) {
          r.b.addAttribute(level, row.name, row.cell.text);
          continue;
        }
        const comp = r.b.competency(row.name, group, level.id);
        r.b.appendCell(level, comp, row.cell.blocks, row.line);
      }
      continue;
    }
    if (x.kind !== 'content') continue;
    const items = labelledList(x.node);
    if (!items) {
      summary.push(x.node);
      continue;
    }
    r.labelled = true;
    const unlabelled: PMNode[] = [];
    for (const item of items) {
      if (isLabelledItem(item)) {
        const comp = r.b.competency(item.label, group, level.id);
        r.b.appendCell(level, comp, item.blocks, x.line);
      } else unlabelled.push(item);
    }
    if (unlabelled.length)
      summary.push({
        type: x.node.type,
        ...(x.node.attrs ? { attrs: x.node.attrs } : {}),
        content: unlabelled,
      });
  }
  if (!summary.length) return;
  if (introLabel) {
    r.w.add(
      'group_text',
      `The text under “${introLabel}” belongs to no single competency; it was kept in the summary of level “${level.code || level.title}”.`,
    );
    level.summary.push(boldParagraph(introLabel), ...summary);
  } else level.summary.push(...summary);
}

function readDefinitions(s: Section, r: Reader, name: (s: Section) => string = (x) => x.heading.text): void {
  r.b.description.push(...contentBlocks(s.content));
  for (const child of s.children) {
    if (child.children.length) {
      r.b.description.push(...contentBlocks(child.content));
      for (const gc of child.children)
        r.b.competency(name(gc), name(child)).description.push(...sectionBlocks(gc));
    } else {
      r.b.competency(name(child), '').description.push(...contentBlocks(child.content));
    }
  }
}

function readCompetencySection(s: Section, group: string, r: Reader): void {
  const isGroup =
    s.children.length > 0 &&
    s.children.every((c) => levelScore(c.heading.text) === 0) &&
    s.children.some((c) => c.children.length > 0);
  if (isGroup) {
    if (s.content.length) {
      r.w.add(
        'group_text',
        `The text under group “${s.heading.text}” was kept in the ladder description.`,
        s.heading.line,
      );
      r.b.description.push(boldParagraph(s.heading.text), ...contentBlocks(s.content));
    }
    for (const c of s.children) readCompetencySection(c, s.heading.text, r);
    return;
  }
  const comp = r.b.competency(s.heading.text, group);
  comp.description.push(...contentBlocks(s.content));
  for (const child of s.children) {
    const level = r.b.levelNamed(parseLevelName(child.heading.text, child.heading.anchor));
    r.b.competency(comp.name, comp.group, level.id);
    r.b.appendCell(level, comp, sectionBlocks(child), child.heading.line);
  }
}
