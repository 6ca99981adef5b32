import type { FileExportRequest } from '@rungs/shared/api/exports';
import { apiBlob } from './client.ts';

export type { FileExportFormat } from '@rungs/shared/api/exports';

/** The ladder as a Word or Excel file, written by the server from the content the browser holds. */
export function exportFile(request: FileExportRequest): Promise<Blob> {
  return apiBlob('/exports', { method: 'POST', body: request });
}
