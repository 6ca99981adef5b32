import { FORMAT_IDS, type FormatId, type LayoutId } from '@rungs/shared/import/types';

export { FORMAT_IDS, type FormatId };

export const FORMAT_LABELS: Record<FormatId, string> = {
  markdown: 'Markdown',
  html: 'HTML',
  csv: 'CSV (comma-separated)',
  tsv: 'TSV (tab-separated)',
  'text-table': 'Table pasted as text',
  json: 'Rungs JSON',
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
};

const LAYOUT_LABELS: Record<LayoutId, string> = {
  headings: 'levels as headings, competencies under them',
  'competency-headings': 'competencies as headings, levels under them',
  'level-document': 'one level per document, grouped responsibilities',
  'labelled-bullets': 'level sections of labelled bullets',
  'matrix-levels-as-rows': 'a table with levels as rows',
  'matrix-levels-as-columns': 'a table with levels as columns',
  'long-form': 'one row per level and competency',
  'dimension-blocks': 'a table of levels, one block per competency',
  json: 'a Rungs ladder',
  'framework-topics': 'a framework’s topics in YAML front matter',
};

export function layoutLabel(layout: string): string {
  return LAYOUT_LABELS[layout as LayoutId] ?? layout;
}

/** File name extensions read in the browser as text (others are sent as bytes). */
const TEXT_EXTENSIONS = new Set([
  'md',
  'markdown',
  'mdown',
  'txt',
  'text',
  'csv',
  'tsv',
  'tab',
  'json',
  'html',
  'htm',
  'xhtml',
  'yaml',
  'yml',
]);

export function isTextFileName(name: string, mediaType = ''): boolean {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return TEXT_EXTENSIONS.has(ext) || mediaType.startsWith('text/') || mediaType === 'application/json';
}
