/**
 * The exporters, loaded on first use (the Markdown writer brings unified and remark, which the
 * editor itself does not need).
 */
import { exportCsv } from '@rungs/shared/export/csv';
import { exportHtml } from '@rungs/shared/export/html';
import { exportJson } from '@rungs/shared/export/json';
import { exportMarkdown } from '@rungs/shared/export/markdown';
import type { LadderContent } from '../domain.ts';
import type { DownloadFormat } from './formats.ts';

/** The ladder written in `format` by the shared exporters (the same ones the CLI and server use). */
export function renderExport(content: LadderContent, format: DownloadFormat): string {
  switch (format) {
    case 'md':
      return exportMarkdown(content);
    case 'csv':
      return exportCsv(content);
    case 'json':
      return exportJson(content);
    case 'html':
      return exportHtml(content);
  }
}

/** The printable page: the HTML export with its print stylesheet, optionally one level per page. */
export function renderPrintable(content: LadderContent, onePerPage: boolean): string {
  return exportHtml(content, { onePerPage });
}
