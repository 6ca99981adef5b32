import type { Heading, RootContent, Table, TableRow } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as yamlStringify } from 'yaml';
import { LadderBuilder, competencyKey } from '../import/ladder-builder.ts';
import { levelNameRoundTrips, formatLevelName } from '../import/level-name.ts';
import { Warnings } from '../import/warnings.ts';
import type { Competency, LadderContent, Level } from '../model/index.ts';
import { cellKey } from '../model/index.ts';
import { hasContent } from './has-content.ts';
import { blocksToMdast } from './pm-to-mdast.ts';

/** Markers that let `importLadder` read our own export back without guessing. */
export const LADDER_MARKER = '<!-- rungs:ladder v1 -->';
export const COMPETENCIES_MARKER = '<!-- rungs:competencies -->';

const stringifier = unified()
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
  })
  .use(remarkGfm);

export function mdastToMarkdown(children: RootContent[]): string {
  return stringifier.stringify({ type: 'root', children });
}

function heading(depth: 1 | 2 | 3 | 4, text: string): Heading {
  return { type: 'heading', depth, children: text ? [{ type: 'text', value: text }] : [] };
}

function attributeKeys(levels: Level[]): string[] {
  const keys: string[] = [];
  for (const l of levels) for (const a of l.attributes) if (!keys.includes(a.key)) keys.push(a.key);
  return keys;
}

/** Levels with attributes, or whose heading alone would not give back their code and title, get a table. */
function levelsTable(levels: Level[]): Table | null {
  const keys = attributeKeys(levels);
  if (!keys.length && levels.every(levelNameRoundTrips)) return null;
  const cell = (text: string) => ({
    type: 'tableCell' as const,
    children: text ? [{ type: 'text' as const, value: text.replace(/\s+/g, ' ') }] : [],
  });
  const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return {
    type: 'table',
    align: [],
    children: [
      row(['Code', 'Title', ...keys]),
      ...levels.map((l) =>
        row([l.code, l.title, ...keys.map((k) => l.attributes.find((a) => a.key === k)?.value ?? '')]),
      ),
    ],
  };
}

/**
 * Competency headings for one level (or for the definitions): `### Group` then `#### Name`, or
 * `### Name`. A competency whose body is empty gets no heading, unless `keepEmpty`.
 */
function competencySections(
  competencies: Competency[],
  body: (c: Competency) => RootContent[],
  keepEmpty = false,
): RootContent[] {
  const out: RootContent[] = [];
  let group = '';
  for (const c of competencies) {
    const content = body(c);
    if (!content.length && !keepEmpty) continue;
    if (c.group && c.group !== group) out.push(heading(3, c.group));
    group = c.group;
    out.push(heading(c.group ? 4 : 3, c.name), ...content);
  }
  return out;
}

function cellOf(content: LadderContent, level: Level, c: Competency) {
  const cell = content.cells[cellKey(level.id, c.id)];
  return hasContent(cell) ? cell.content! : [];
}

/**
 * Whether the competencies the export writes (those described, then each level's filled ones)
 * read back as every competency in the ladder's order. When not (a competency nobody fills, or an
 * order no level shows), the Competencies section lists them all.
 */
function listImpliesCompetencies(content: LadderContent): boolean {
  const b = new LadderBuilder(new Warnings());
  for (const c of content.competencies) if (hasContent(c.description)) b.competency(c.name, c.group);
  for (const level of content.levels)
    for (const c of content.competencies)
      if (cellOf(content, level, c).length) b.competency(c.name, c.group, level.id);
  const read = b.build('').competencies;
  return (
    read.length === content.competencies.length &&
    read.every((c, i) => {
      const expected = content.competencies[i]!;
      return competencyKey(c.name, c.group) === competencyKey(expected.name, expected.group);
    })
  );
}

/**
 * The ladder as Markdown people can read and edit, and that `importLadder` reads back to the same
 * ladder: `# Title`, description, a levels table when levels carry attributes, a `## Competencies`
 * section when competencies have descriptions (or some would otherwise be lost), then `## CODE — Title` per level with its summary
 * and one section per competency (grouped under `### Group` when there are groups).
 */
export function exportMarkdown(content: LadderContent): string {
  const front: Record<string, string> = {};
  if (!content.title) front.title = '';
  if (content.track) front.track = content.track;
  const children: RootContent[] = [{ type: 'html', value: LADDER_MARKER }];
  if (content.title) children.push(heading(1, content.title));
  children.push(...blocksToMdast(content.description.content ?? []));
  const table = levelsTable(content.levels);
  if (table) children.push(table);
  const listAll = !listImpliesCompetencies(content);
  if (listAll || content.competencies.some((c) => hasContent(c.description))) {
    children.push(heading(2, 'Competencies'), { type: 'html', value: COMPETENCIES_MARKER });
    children.push(
      ...competencySections(
        content.competencies,
        (c) => (hasContent(c.description) ? blocksToMdast(c.description.content!) : []),
        listAll,
      ),
    );
  }
  for (const level of content.levels) {
    const summary = hasContent(level.summary) ? blocksToMdast(level.summary.content!) : [];
    children.push(heading(2, formatLevelName(level)), ...summary);
    children.push(
      ...competencySections(content.competencies, (c) => blocksToMdast(cellOf(content, level, c))),
    );
  }
  const yaml = Object.keys(front).length ? `---\n${yamlStringify(front).trimEnd()}\n---\n\n` : '';
  return yaml + mdastToMarkdown(children);
}
