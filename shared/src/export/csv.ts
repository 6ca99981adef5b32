import { cellKey, type LadderContent, type RichText } from '../model/index.ts';
import { hasContent } from './has-content.ts';
import { blocksToMdast } from './pm-to-mdast.ts';
import { mdastToMarkdown } from './markdown.ts';

export const CSV_COLUMNS = ['Level code', 'Level title', 'Group', 'Competency', 'Text'] as const;

function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function markdown(doc: RichText | undefined): string {
  return hasContent(doc) ? mdastToMarkdown(blocksToMdast(doc.content!)).trim() : '';
}

function attributeKeys(content: LadderContent): string[] {
  const keys: string[] = [];
  for (const l of content.levels) for (const a of l.attributes) if (!keys.includes(a.key)) keys.push(a.key);
  return keys;
}

/**
 * Long-form CSV: one row per level × competency (empty cells included, so the structure and
 * order survive), the cell text as Markdown. Rows that leave columns empty carry the rest:
 * no level and no competency — the ladder description; no level — a competency's description;
 * no competency — the level's summary, with its attributes in one column each after `Text`.
 * RFC 4180 quoting, CRLF line ends.
 */
export function exportCsv(content: LadderContent): string {
  const keys = attributeKeys(content);
  const rows: string[][] = [[...CSV_COLUMNS, ...keys]];
  const row = (cells: string[]) => rows.push([...cells, ...keys.map(() => '')].slice(0, rows[0]!.length));
  if (hasContent(content.description)) row(['', '', '', '', markdown(content.description)]);
  for (const c of content.competencies)
    if (hasContent(c.description)) row(['', '', c.group, c.name, markdown(c.description)]);
  for (const level of content.levels) {
    const summary = markdown(level.summary);
    if (summary || level.attributes.length || !content.competencies.length)
      rows.push([
        level.code,
        level.title,
        '',
        '',
        summary,
        ...keys.map((k) => level.attributes.find((a) => a.key === k)?.value ?? ''),
      ]);
    for (const c of content.competencies)
      row([level.code, level.title, c.group, c.name, markdown(content.cells[cellKey(level.id, c.id)])]);
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
