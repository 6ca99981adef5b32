import { ImportError } from './errors.ts';
import type { Warnings } from './warnings.ts';

/** Largest document we accept, in bytes (UTF-8). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const MAGIC: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (a .docx, .xlsx or .odt file is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'a legacy Office file (.doc or .xls)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** Named in every refusal of a file Rungs cannot read. */
export const READABLE_FORMATS =
  'Rungs reads Markdown, HTML, CSV, TSV, JSON, Word (.docx) and Excel (.xlsx) files: export it as one of those and import that.';

/** UTF-8 length of a string without allocating its encoding. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function tooLarge(bytes: number): ImportError {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return new ImportError(
    'too_large',
    `The document is ${mb} MB; the largest document Rungs imports is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`,
  );
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Turn the uploaded bytes (or pasted text) into text, refusing what is not a text document. */
export function decodeInput(input: string | Uint8Array, warnings: Warnings): string {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES || utf8Length(input) > MAX_IMPORT_BYTES) {
      throw tooLarge(utf8Length(input));
    }
    text = input;
  } else {
    if (input.byteLength > MAX_IMPORT_BYTES) throw tooLarge(input.byteLength);
    text = decodeBytes(input, warnings);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    throw new ImportError('empty', 'The document is empty: there is no text to import.');
  assertTextual(text);
  return text;
}

function decodeBytes(bytes: Uint8Array, warnings: Warnings): string {
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes)) {
      throw new ImportError('binary', `This is ${m.what}, not a text document. ${READABLE_FORMATS}`);
    }
  }
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw binaryError();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.add(
      'encoding',
      'The document is not valid UTF-8; it was read as Windows-1252 (Latin-1). Check accented letters.',
    );
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function binaryError(): ImportError {
  return new ImportError(
    'binary',
    `The document looks binary (it contains control bytes), not text. ${READABLE_FORMATS}`,
  );
}

/** Text documents have almost no control characters besides tab and newline. */
function assertTextual(text: string): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw binaryError();
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  if (control > 8 && control / sample.length > 0.02) throw binaryError();
}
