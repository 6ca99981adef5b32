import { parse as parseCsv } from 'csv-parse/browser/esm/sync';

/**
 * The words of a source document with its markup removed, one fragment per line: Markdown
 * syntax (headings, list markers, emphasis, links, images, table pipes, `{#anchors}`), HTML tags and
 * entities, YAML front matter keys, and cell separators (tabs, pipes, CSV commas).
 *
 * Written independently of the importer (regular expressions, not the importer's parsers), so a
 * test that compares its output with an imported ladder checks the importer rather than itself.
 */
export interface StripOptions {
  /** Read the source as CSV (cells split on commas, quotes honoured). */
  csv?: boolean;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function stripHtml(text: string): string {
  return decodeEntities(
    text
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<!doctype[^>]*>/gi, '')
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<img\b[^>]*>/gi, '')
      .replace(
        /<br\s*\/?>|<\/?(p|div|li|ul|ol|h[1-6]|tr|td|th|table|thead|tbody|blockquote|pre|dt|dd|section|article|header|footer|title)\b[^>]*>/gi,
        '\n',
      )
      .replace(/<\/?[a-z][^>]*>/gi, ''),
  );
}

function stripFrontMatter(text: string): string {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return text;
  const values = m[1]!
    .split('\n')
    // A framework's `level: 2` (or `levels: 5`) names the level a ladder calls "Level 2".
    .map((l) => l.replace(/^(\s*-?\s*)levels?:\s*(\d+)\s*$/, 'Level $2'))
    .map((l) => l.replace(/^\s*[\w ."'-]+:\s*/, '').replace(/^["']|["']$/g, ''))
    .join('\n');
  return values + '\n' + text.slice(m[0].length);
}

function stripMarkdownLine(line: string): string {
  let l = line;
  if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(l)) return ''; // table delimiter row
  if (/^\s*[=-]{3,}\s*$/.test(l)) return ''; // setext underline or rule
  l = l.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  l = l.replace(/^\s*>\s?/, '');
  l = l.replace(/!\[[^\]]*\]\([^)]*\)/g, '');
  l = l.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  l = l.replace(/\{#[^}]*\}/g, '');
  l = l.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return l;
}

function stripListMarker(line: string): string {
  return line.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '');
}

/** Plain fragments of a source document, in order. */
export function stripMarkup(source: string, options: StripOptions = {}): string[] {
  let text = source.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  if (options.csv) {
    const rows = parseCsv(text, { relax_column_count: true, relax_quotes: true }) as string[][];
    text = rows.flat().join('\n');
  }
  text = stripFrontMatter(text);
  text = stripHtml(text.replace(/\\\|/g, '\uE000'));
  const out: string[] = [];
  // A labelled bullet ("- **Designs**: designs and …") is a label and a sentence.
  text = text.replace(/^(\s*(?:[-*+]|\d+[.)])\s+)\*\*([^*\n]+?)\*\*\s*:\s*/gm, '$1$2\n');
  for (const raw of text.split('\n')) {
    const line = stripMarkdownLine(raw);
    for (const cell of line.split(/\t|\|/)) {
      const c = stripListMarker(cell.replace(/\uE000/g, '|')).trim();
      if (c) out.push(c);
    }
  }
  return out;
}
