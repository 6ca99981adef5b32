/**
 * Saving a document the browser generated (or fetched) as a file, and naming it. Used by the
 * Export menu; anything else that offers a download (a published version's export) reuses it.
 */

export { fileStem } from '@rungs/shared/export/file-name';
import { fileStem } from '@rungs/shared/export/file-name';

/** "platform-engineering.md", or "platform-engineering-v3.md" for a published version. */
export function exportFileName(name: string, extension: string, version?: number): string {
  const suffix = version === undefined ? '' : `-v${version}`;
  return `${fileStem(name)}${suffix}.${extension.replace(/^\./, '')}`;
}

/** Save `data` as `filename` through the browser's download. */
export function downloadBlob(data: Blob, filename: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is no longer needed once it is read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save text as a file; `mediaType` like "text/markdown; charset=utf-8". */
export function downloadText(text: string, filename: string, mediaType: string): void {
  downloadBlob(new Blob([text], { type: mediaType }), filename);
}

/**
 * Open an HTML document in a new tab and, once it has loaded, the browser's print dialog
 * ("Save as PDF" is one of its destinations). Returns false when the browser blocked the tab.
 */
export function openAndPrint(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html; charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return false;
  }
  win.addEventListener(
    'load',
    () => {
      win.focus();
      win.print();
    },
    { once: true },
  );
  // Kept long enough for a reload of the tab; a tab open longer than that is still printable.
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return true;
}
