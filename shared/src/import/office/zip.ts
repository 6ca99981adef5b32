import { inflateRawSync } from 'node:zlib';
import { ImportError } from '../errors.ts';

/**
 * What a .docx or .xlsx (a ZIP archive) holds, read from its central directory alone. Checked
 * against these limits before any library inflates it, so a zip bomb is refused unopened.
 */
export const ZIP_LIMITS = {
  entries: 2000,
  /** Declared uncompressed size of one entry. */
  entryBytes: 32 * 1024 * 1024,
  /** Declared uncompressed size of all entries together. */
  totalBytes: 64 * 1024 * 1024,
  /** Uncompressed ÷ compressed, above which an entry (over 1 MB) is a bomb, not a document. */
  ratio: 200,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function corrupt(detail: string): ImportError {
  return new ImportError(
    'corrupt_file',
    `The file is a damaged or incomplete ZIP archive (${detail}); a Word or Excel file must be saved again and re-uploaded.`,
  );
}

function unsafe(detail: string): ImportError {
  return new ImportError(
    'unsafe_archive',
    `The file was refused without opening it: ${detail}. A ladder document is far smaller.`,
  );
}

/** The central directory's entries, or an ImportError when it is missing, damaged or over the limits. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no central directory: the file looks truncated');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw unsafe('it is a ZIP64 archive, which no ladder document needs');
  if (count > ZIP_LIMITS.entries)
    throw unsafe(`it declares ${count} files, more than the ${ZIP_LIMITS.entries} allowed`);
  if (offset + size > eocd) throw corrupt('the central directory points past its end');
  const entries: ZipEntry[] = [];
  let p = offset;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw corrupt('a damaged directory entry');
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))),
    };
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw unsafe('it is a ZIP64 archive, which no ladder document needs');
    if (entry.uncompressedSize > ZIP_LIMITS.entryBytes)
      throw unsafe(`“${entry.name}” declares ${mb(entry.uncompressedSize)} uncompressed`);
    if (
      entry.uncompressedSize > 1024 * 1024 &&
      entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, entry.compressedSize)
    )
      throw unsafe(
        `“${entry.name}” would inflate ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times`,
      );
    total += entry.uncompressedSize;
    if (total > ZIP_LIMITS.totalBytes)
      throw unsafe(`its files declare more than ${mb(ZIP_LIMITS.totalBytes)} uncompressed`);
    if (entry.localOffset + 30 + entry.compressedSize > bytes.length)
      throw corrupt(`“${entry.name}” points past the end of the file`);
    entries.push(entry);
  }
  return entries;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

/**
 * One entry's bytes, inflated no further than its declared size (a lying size is refused, not
 * followed). Used to check every entry before a library opens the archive.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (view.getUint32(at, true) !== LOCAL) throw corrupt(`“${entry.name}” has no local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw corrupt(`“${entry.name}” is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt(`“${entry.name}” uses an unknown compression method`);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw unsafe(`“${entry.name}” inflates past the size it declares`);
    throw corrupt(`“${entry.name}” cannot be inflated`);
  }
  if (out.length !== entry.uncompressedSize) throw corrupt(`“${entry.name}” is not the size it declares`);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Check the whole archive (directory limits, then every entry inflated within its declared size). */
export function checkZip(bytes: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  for (const e of entries) if (!e.name.endsWith('/')) readZipEntry(bytes, e);
  return entries;
}

export type OfficeKind = 'docx' | 'xlsx';

/** A Word or Excel file by its parts ([Content_Types].xml plus the main part), else null. */
export function officeKind(entries: ZipEntry[]): OfficeKind | null {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return null;
}

/** The format of a Word or Excel file from its bytes (ZIP magic and its parts), else null. */
export function detectOfficeFormat(bytes: Uint8Array): OfficeKind | null {
  if (!isZip(bytes)) return null;
  try {
    return officeKind(readZipDirectory(bytes));
  } catch {
    return null;
  }
}
