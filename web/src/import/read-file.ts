import type { ImportSource } from '../api/imports.ts';
import { isTextFileName } from './formats.ts';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * An uploaded file as the preview API wants it: text files that are valid UTF-8 as text (so they
 * can be kept across a reload), anything else as its bytes, for the server to decode or refuse.
 */
export async function readImportFile(file: File): Promise<ImportSource> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isTextFileName(file.name, file.type)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { kind: 'text', text, filename: file.name };
    } catch {
      // Not UTF-8 (Latin-1, UTF-16 …): the server detects the encoding from the bytes.
    }
  }
  return { kind: 'base64', base64: toBase64(bytes), filename: file.name };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
