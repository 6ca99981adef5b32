import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { withNewIds, type PortableLadder } from '../html/embedded-ladder.ts';
import { assertWithinLimits, importLadder } from '../import-ladder.ts';
import { readZipDirectory, readZipEntry } from './zip.ts';
import type { ImportOptions, ImportResult } from '../types.ts';

/** Word styles that are headings in all but name. */
const STYLE_MAP = ["p[style-name='Title'] => h1.rungs-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** A document with a Title-styled line uses Heading 1 below it: move its headings one level down. */
function demoteUnderTitle(html: string): string {
  if (!html.includes('<h1 class="rungs-title">')) return html;
  return html
    .replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`)
    .replace(/<h2 class="rungs-title">([\s\S]*?)<\/h2>/g, '<h1>$1</h1>');
}

/** A Word document's body as HTML (mammoth): headings, bold runs, lists and tables; images counted, not kept. */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; images: number }> {
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(() => {
          images++;
          return Promise.resolve({ src: '' });
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new ImportError(
      'corrupt_file',
      `The Word file could not be read (${(e as Error)?.message ?? String(e)}); open it in Word, save it again and re-upload.`,
    );
  }
  return { html: demoteUnderTitle(html.replace(/<img[^>]*>/g, '')), images };
}

/** Custom document properties our Word export writes, so the file reads back exactly. */
export const DOCX_LADDER_PROPERTY = 'rungs-ladder';
export const DOCX_FINGERPRINT_PROPERTY = 'rungs-fingerprint';

/** The HTML a Word document converts to, hashed: the embedded ladder is trusted only while it matches. */
export function htmlFingerprint(html: string): string {
  return createHash('sha256').update(html).digest('hex');
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : (XML_ENTITIES[e] ?? m),
  );
}

/** The custom properties (docProps/custom.xml) of a Word file, by name. */
function customProperties(bytes: Uint8Array): Map<string, string> {
  const props = new Map<string, string>();
  const entry = readZipDirectory(bytes).find((e) => e.name === 'docProps/custom.xml');
  if (!entry) return props;
  const xml = new TextDecoder().decode(readZipEntry(bytes, entry));
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g))
    props.set(xmlText(m[1]!), xmlText(m[2]!));
  return props;
}

/** The ladder our export embedded, while the document shows what it wrote. */
function embeddedLadder(bytes: Uint8Array, html: string): ImportResult['content'] | null {
  const props = customProperties(bytes);
  const data = props.get(DOCX_LADDER_PROPERTY);
  if (!data || props.get(DOCX_FINGERPRINT_PROPERTY) !== htmlFingerprint(html)) return null;
  try {
    return withNewIds(JSON.parse(data) as PortableLadder);
  } catch {
    return null;
  }
}

/** A Word (.docx) document, read as the HTML it converts to. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { html, images } = await docxToHtml(bytes);
  const exact = embeddedLadder(bytes, html);
  if (exact) {
    if (options.title) exact.title = options.title;
    assertWithinLimits(exact);
    return { content: exact, format: 'docx', layout: 'headings', warnings: [] };
  }
  if (!html.replace(/<[^>]*>/g, '').trim())
    throw new ImportError('empty', 'The Word document is empty: there is no text to import.');
  const { sheet: _sheet, ...rest } = options;
  const result = importLadder(`<html><body>${html}</body></html>`, { ...rest, format: 'html' });
  const warnings = [...result.warnings];
  if (images)
    warnings.push({
      code: 'images_dropped',
      message: `Dropped ${images} image${images === 1 ? '' : 's'} from the Word document (pictures are not kept).`,
    });
  return { ...result, format: 'docx', warnings };
}
