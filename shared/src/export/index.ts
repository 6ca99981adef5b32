export { exportMarkdown, LADDER_MARKER, COMPETENCIES_MARKER } from './markdown.ts';
export { exportCsv, CSV_COLUMNS } from './csv.ts';
export { exportJson } from './json.ts';
export { exportHtml, LADDER_PRINT_CSS, type HtmlExportOptions } from './html.ts';
export { blocksToHtml, inlineToHtml, escapeHtml } from './pm-to-html.ts';
export {
  convertDocument,
  exportLadder,
  isExportFormat,
  EXPORT_FORMATS,
  EXPORT_MEDIA_TYPES,
  type ExportFormat,
  type ConvertResult,
} from './convert.ts';
