import mammoth from 'mammoth';
import { ImportError } from '../errors.ts';
import { importLadder } from '../import-ladder.ts';
import type { ImportOptions, ImportResult } from '../types.ts';

/** Word styles that are headings in all but name. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.rungs-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
];

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

/** A Word (.docx) document, read as the HTML it converts to. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { html, images } = await docxToHtml(bytes);
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
