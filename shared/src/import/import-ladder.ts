import {
  LadderContentError,
  ladderLimitProblem,
  validateLadderContent,
  type LadderContent,
  type PMNode,
} from '../model/index.ts';
import type { SourceDocument } from './document.ts';
import { decodeInput, utf8Length } from './decode.ts';
import { ladderFromDelimited } from './delimited/delimited-ladder.ts';
import { readTextTable } from './delimited/text-table.ts';
import { textToCell } from './delimited/text-cell.ts';
import { csvDelimiter, detectFormat } from './detect.ts';
import { ImportError, ladderTooLarge } from './errors.ts';
import { embeddedLadder } from './html/embedded-ladder.ts';
import { htmlDocument } from './html/html-document.ts';
import { readLadderJson } from './json.ts';
import { LadderBuilder } from './ladder-builder.ts';
import { ladderFromBlocks } from './layout/blocks-ladder.ts';
import { tableToBlocks } from './layout/cells.ts';
import { frameworkData, readFrameworkTopics } from './layout/framework-topics.ts';
import { markdownDocument } from './markdown/markdown-document.ts';
import type { FormatId, ImportOptions, ImportResult, LayoutId } from './types.ts';
import { Warnings } from './warnings.ts';

function fallbackTitle(options: ImportOptions): string {
  const stem = options.filename
    ?.replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return stem || 'Imported ladder';
}

/**
 * Turn a document people already have (Markdown, HTML, CSV/TSV, a table pasted as text, or our
 * JSON) into a `LadderContent`, with warnings for whatever was adjusted. Throws only `ImportError`.
 */
export function importLadder(text: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  try {
    return importOrThrow(text, options);
  } catch (e) {
    throw asImportError(e);
  }
}

/** Any failure while importing, as the `ImportError` callers are promised. */
export function asImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  if (e instanceof LadderContentError) {
    return new ImportError(
      'invalid_ladder',
      `The document was read but did not make a valid ladder: ${e.problems[0] ?? e.message}`,
    );
  }
  if (e instanceof RangeError) {
    return new ImportError(
      'too_large',
      `The document is too deeply nested or too large to read (${e.message}).`,
    );
  }
  return new ImportError(
    'internal',
    `The document could not be imported because of an internal error: ${(e as Error)?.message ?? String(e)}`,
    undefined,
    { cause: e },
  );
}

export function assertWithinLimits(content: LadderContent): void {
  const problem =
    ladderLimitProblem(content) ?? ladderLimitProblem(content, utf8Length(JSON.stringify(content)));
  if (problem) throw ladderTooLarge(problem);
}

function importOrThrow(input: string | Uint8Array, options: ImportOptions): ImportResult {
  const decodeWarnings = new Warnings();
  const text = decodeInput(input, decodeWarnings);
  const format: FormatId = options.format ?? detectFormat(text, options.filename);
  const exact = format === 'json' ? readLadderJson(text) : format === 'html' ? embeddedLadder(text) : null;
  if (exact) {
    const content = exact;
    if (options.title) content.title = options.title;
    assertWithinLimits(content);
    return {
      content,
      format,
      layout: format === 'json' ? 'json' : 'headings',
      warnings: decodeWarnings.toArray(),
    };
  }
  let built: BuiltLadder;
  switch (format) {
    case 'markdown': {
      const framework = frameworkData(text);
      built = framework
        ? frameworkLadder(framework, markdownDocument(text, decodeWarnings))
        : ladderFromBlocks(markdownDocument(text, decodeWarnings));
      break;
    }
    case 'html':
      built = ladderFromBlocks(htmlDocument(text, decodeWarnings));
      break;
    case 'csv':
      built = ladderFromDelimited(text, csvDelimiter(text));
      break;
    case 'tsv':
      built = ladderFromDelimited(text, '\t');
      break;
    case 'text-table': {
      const warnings = new Warnings();
      const builder = new LadderBuilder(warnings);
      const layout = readTextTable(text, builder, warnings, textToCell);
      built = { builder, warnings, layout };
      break;
    }
    case 'docx':
    case 'xlsx':
      throw new ImportError(
        'binary',
        `A ${format === 'docx' ? 'Word' : 'Excel'} file is read from its bytes, not as text: upload the .${format} file itself.`,
      );
    default:
      throw new ImportError('unknown_format', `Unknown format “${String(format)}”.`);
  }
  return finishImport(built, format, options, decodeWarnings);
}

/** A framework in YAML front matter; the Markdown below it describes the ladder. */
function frameworkLadder(data: Record<string, unknown>, doc: SourceDocument): BuiltLadder {
  const warnings = new Warnings();
  const body = doc.blocks.flatMap((x): PMNode[] =>
    x.kind === 'content'
      ? [x.node]
      : x.kind === 'table'
        ? tableToBlocks(x)
        : x.kind === 'heading'
          ? [{ type: 'heading', attrs: { level: x.depth }, content: [{ type: 'text', text: x.text }] }]
          : [],
  );
  return { builder: readFrameworkTopics(data, body, warnings), warnings, layout: 'framework-topics' };
}

/** What a layout reader made of a document, before it is checked and built. */
export interface BuiltLadder {
  builder: LadderBuilder;
  warnings: Warnings;
  layout: LayoutId;
  exact?: boolean;
}

/** Check what was read (levels, some expectations, limits) and build the ladder. */
export function finishImport(
  built: BuiltLadder,
  format: FormatId,
  options: ImportOptions,
  decodeWarnings: Warnings = new Warnings(),
): ImportResult {
  const { builder, layout } = built;
  if (options.title) builder.title = options.title;
  if (!builder.levels.length) throw new ImportError('no_ladder', 'No levels were found in the document.');
  if (builder.filledCellCount() === 0 && !built.exact) {
    throw new ImportError(
      'no_ladder',
      'Levels and competencies were found but no expectations: every cell is empty.',
    );
  }
  const content: LadderContent = validateLadderContent(builder.build(fallbackTitle(options)));
  assertWithinLimits(content);
  return { content, format, layout, warnings: [...decodeWarnings.toArray(), ...built.warnings.toArray()] };
}
