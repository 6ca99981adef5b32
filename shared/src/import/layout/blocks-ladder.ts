import type { PMNode } from '../../model/index.ts';
import type { HeadingBlock, SourceDocument, TableBlock } from '../document.ts';
import { ImportError } from '../errors.ts';
import { LadderBuilder } from '../ladder-builder.ts';
import type { LayoutId } from '../types.ts';
import { Warnings } from '../warnings.ts';
import { promoteBoldLabels } from './bold-labels.ts';
import { paragraph } from './cells.ts';
import { readLongForm } from './long-form.ts';
import { matrixOrientation, readMatrix } from './matrix.ts';
import { readOutline } from './outline.ts';

export interface BlocksLadder {
  builder: LadderBuilder;
  layout: LayoutId;
  warnings: Warnings;
  /** Our own export: a ladder whose cells are all empty is still a ladder. */
  exact?: boolean;
}

function applyMeta(doc: SourceDocument, b: LadderBuilder): void {
  const { meta } = doc;
  if (meta.title !== undefined && b.title === undefined) b.title = meta.title;
  else if (meta.title !== undefined && meta.title !== b.title)
    b.description.unshift(paragraph(`title: ${meta.title}`));
  if (meta.track !== undefined) b.track = meta.track;
  const extra: PMNode[] = [];
  if (meta.description) extra.push(paragraph(meta.description));
  for (const { key, value } of meta.other) extra.push(paragraph(`${key}: ${value}`));
  b.description.unshift(...extra);
}

function fromOutline(doc: SourceDocument): (BlocksLadder & { structured: boolean }) | null {
  const warnings = new Warnings();
  const builder = new LadderBuilder(warnings);
  const result = readOutline(promoteBoldLabels(doc, warnings), builder, warnings);
  if (!result) return null;
  applyMeta(doc, builder);
  return {
    builder,
    warnings,
    layout: result.layout,
    structured: result.structured,
    exact: result.exact ?? false,
  };
}

/** Tables that hold a whole ladder: each under its nearest heading (a group when there are several). */
function fromTables(doc: SourceDocument): BlocksLadder | null {
  const warnings = new Warnings();
  const builder = new LadderBuilder(warnings);
  const matrices: Array<{ table: TableBlock; heading?: HeadingBlock }> = [];
  let heading: HeadingBlock | undefined;
  let firstHeading: HeadingBlock | undefined;
  for (const x of doc.blocks) {
    if (x.kind === 'heading') {
      heading = x;
      firstHeading ??= x;
    } else if (
      x.kind === 'table' &&
      x.rows.length >= 2 &&
      x.columns >= 2 &&
      (readLongFormProbe(x) || matrixOrientation(x.rows))
    ) {
      matrices.push({ table: x, heading });
    }
  }
  if (!matrices.length) return null;
  let layout: LayoutId | null = null;
  const grouped = matrices.length > 1;
  for (const m of matrices) {
    const group = grouped && m.heading && m.heading !== firstHeading ? m.heading.text : undefined;
    layout =
      readLongForm(m.table.rows, m.table.rowLines, builder, warnings) ??
      readMatrix(
        { rows: m.table.rows, rowLines: m.table.rowLines, ...(group ? { group } : {}) },
        builder,
        warnings,
      ) ??
      layout;
  }
  if (!layout) return null;
  // Everything else describes the ladder: the first heading is its title.
  const used = new Set(matrices.map((m) => m.table));
  const usedHeadings = new Set(grouped ? matrices.map((m) => m.heading) : []);
  for (const x of doc.blocks) {
    if (x.kind === 'heading') {
      if (x === firstHeading && builder.title === undefined) builder.title = x.text;
      else if (!usedHeadings.has(x))
        builder.description.push({
          type: 'heading',
          attrs: { level: x.depth },
          content: [{ type: 'text', text: x.text }],
        });
    } else if (x.kind === 'content') builder.description.push(x.node);
    else if (x.kind === 'table' && !used.has(x))
      builder.description.push(...x.rows.flatMap((r) => r.flatMap((c) => c.blocks)));
  }
  applyMeta(doc, builder);
  return { builder, warnings, layout };
}

function readLongFormProbe(table: TableBlock): boolean {
  const header = table.rows[0]?.map((c) => c.text) ?? [];
  return (
    header.some((h) => /competenc/i.test(h)) &&
    header.some((h) => /level/i.test(h)) &&
    header.some((h) => /text|expectation|description/i.test(h))
  );
}

/** Read a Markdown or HTML document: headings structure first, then a ladder table. */
export function ladderFromBlocks(doc: SourceDocument): BlocksLadder {
  const outline = fromOutline(doc);
  if (outline?.exact) return outline;
  if (outline?.structured && outline.builder.filledCellCount() > 0) return outline;
  const tables = fromTables(doc);
  if (tables && tables.builder.filledCellCount() > 0) return tables;
  if (outline && outline.builder.filledCellCount() > 0) return outline;
  throw noLadder(doc);
}

function noLadder(doc: SourceDocument): ImportError {
  const headings = doc.blocks.filter((x): x is HeadingBlock => x.kind === 'heading');
  const content = doc.blocks.filter((x) => x.kind === 'content' || x.kind === 'table');
  if (headings.length && !content.length) {
    return new ImportError(
      'headings_only',
      `The document has only headings (${headings.length}, from line ${headings[0]!.line}) and no text under them: there are no expectations to import.`,
      headings[0]!.line,
    );
  }
  if (headings.length) {
    return new ImportError(
      'no_ladder',
      'No ladder was found: the headings hold no expectations. Expected level headings (## Level) with competency headings or bullets under them, or a table of levels × competencies.',
      headings[0]!.line,
    );
  }
  return new ImportError(
    'no_ladder',
    'No ladder was found: the document has no headings and no table. Expected level headings (## Level) with competencies under them, or a table of levels × competencies.',
  );
}
