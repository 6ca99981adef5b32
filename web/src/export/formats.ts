import type { FileExportFormat } from '../api/exports.ts';

/** What the Export menu offers to download. */
export type DownloadFormat = 'md' | 'csv' | 'json' | 'html';

export interface DownloadFormatInfo {
  label: string;
  description: string;
  extension: string;
  mediaType: string;
}

export const DOWNLOAD_FORMATS: Record<DownloadFormat, DownloadFormatInfo> = {
  md: {
    label: 'Markdown',
    description: 'Readable text; imports back as the same ladder',
    extension: 'md',
    mediaType: 'text/markdown; charset=utf-8',
  },
  csv: {
    label: 'CSV',
    description: 'One row per level and competency, for spreadsheets',
    extension: 'csv',
    mediaType: 'text/csv; charset=utf-8',
  },
  json: {
    label: 'JSON',
    description: 'The complete ladder, for tools and backups',
    extension: 'json',
    mediaType: 'application/json; charset=utf-8',
  },
  html: {
    label: 'HTML page',
    description: 'A standalone page to share or print',
    extension: 'html',
    mediaType: 'text/html; charset=utf-8',
  },
};

/** Files the server writes from the ladder the browser sends (Word and Excel need libraries the browser does not load). */
export const FILE_FORMATS: Record<FileExportFormat, Omit<DownloadFormatInfo, 'mediaType'>> = {
  xlsx: {
    label: 'Excel',
    description: 'Levels as columns, one row per competency; imports back',
    extension: 'xlsx',
  },
  docx: {
    label: 'Word',
    description: 'One section per level, to edit or share; imports back',
    extension: 'docx',
  },
};
