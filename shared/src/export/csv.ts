import { cellKey, type LadderContent } from '../model/index.ts';
import { blocksToMdast } from './pm-to-mdast.ts';
import { mdastToMarkdown } from './markdown.ts';

export const CSV_COLUMNS = ['Level code', 'Level title', 'Group', 'Competency', 'Text'] as const;

function field(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Long-form CSV: one row per level × competency (empty cells included, so the structure and
 * order survive), the cell text as Markdown. RFC 4180 quoting, CRLF line ends.
 */
export function exportCsv(content: LadderContent): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const level of content.levels) {
    if (!content.competencies.length) rows.push([level.code, level.title, '', '', '']);
    for (const c of content.competencies) {
      const doc = content.cells[cellKey(level.id, c.id)];
      const text = doc?.content?.length ? mdastToMarkdown(blocksToMdast(doc.content)).trim() : '';
      rows.push([level.code, level.title, c.group, c.name, text]);
    }
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
