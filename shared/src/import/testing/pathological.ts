import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, SEEDS_DIR } from './paths.ts';

/**
 * Hostile or degenerate documents that once made parsing super-linear (backtracking patterns,
 * quadratic splitting, deep nesting). The abuse tests and `pnpm bench:imports` build each one at a
 * given size and check it imports in time linear in that size, or is refused with a clear error.
 */
export interface PathologicalShape {
  name: string;
  /** The document, about `bytes` long (ASCII, so characters are bytes). */
  build(bytes: number): string;
  /** The file name sent with it, when its extension decides the format. */
  filename?: string;
}

/** `unit` repeated until the text is `bytes` long (the last copy cut). */
export function repeatTo(unit: string, bytes: number, prefix = ''): string {
  const body = unit.repeat(Math.ceil(Math.max(0, bytes - prefix.length) / unit.length));
  return (prefix + body).slice(0, Math.max(bytes, prefix.length));
}

const LADDER_HEAD = '# Ladder\n\n## L1 Engineer\n\n### Craft\n\n';

/** `depth` lines, each indented one step deeper than the last, until the text is `bytes` long. */
function deepList(bytes: number): string {
  const lines: string[] = [LADDER_HEAD];
  let size = LADDER_HEAD.length;
  for (let depth = 0; size < bytes; depth++) {
    const line = `${'  '.repeat(depth % 2000)}- x\n`;
    lines.push(line);
    size += line.length;
  }
  return lines.join('').slice(0, bytes);
}

function nestedTags(open: string, bytes: number): string {
  return repeatTo(open, bytes, '<html><body>');
}

const SHAPES: PathologicalShape[] = [
  { name: 'pipes', build: (n) => repeatTo('|', n) },
  { name: 'pipes with spaces', build: (n) => repeatTo('| ', n) },
  { name: 'pipe lines', build: (n) => repeatTo('a |\n', n) },
  { name: 'stars', build: (n) => repeatTo('*', n) },
  { name: 'underscores', build: (n) => repeatTo('_', n) },
  { name: 'bold-italic runs', build: (n) => repeatTo('**_', n) },
  { name: 'broken bold', build: (n) => repeatTo('**a ', n, LADDER_HEAD) },
  { name: 'heading anchors, one line', build: (n) => repeatTo('# a {#', n) },
  { name: 'heading anchors, many lines', build: (n) => repeatTo('# a {#\n', n) },
  { name: 'heading anchor spaces', build: (n) => `# a {#b${' '.repeat(n - 8)}` },
  { name: 'one long line', build: (n) => repeatTo('word ', n, LADDER_HEAD) },
  { name: 'deeply nested list', build: deepList },
  { name: 'nested list markers', build: (n) => repeatTo('- ', n, LADDER_HEAD) },
  { name: 'blockquote markers', build: (n) => repeatTo('> ', n, LADDER_HEAD) },
  { name: 'many CSV columns', build: (n) => `${repeatTo('L,', n / 2)}\n${repeatTo('x,', n / 2)}\n` },
  { name: 'unclosed CSV quote', build: (n) => repeatTo('x,', n, 'Level,Craft\nL1,"') },
  { name: 'nested <p> in HTML', build: (n) => nestedTags('<p>', n), filename: 'doc.html' },
  { name: 'nested <div> in HTML', build: (n) => nestedTags('<div>', n), filename: 'doc.html' },
  { name: 'nested lists in HTML', build: (n) => nestedTags('<ul><li>', n), filename: 'doc.html' },
  { name: 'nested <p> in TSV', build: (n) => repeatTo('<p>', n, 'Level\tCraft\nL1\t') },
  {
    name: '<br> runs in a table cell',
    build: (n) => `| L1 | L2 |\n|---|---|\n| ${repeatTo('<br>', n - 30)} | b |\n`,
  },
  { name: 'many headings', build: (n) => repeatTo('## L1\n', n) },
  { name: 'many levels', build: (n) => repeatTo('## IC1 Engineer\n### Craft\n- Writes code.\n', n, '# L\n') },
  { name: 'many tables', build: (n) => repeatTo('| L1 | L2 |\n|---|---|\n| a | b |\n\n', n) },
  { name: 'deep JSON', build: (n) => repeatTo('{"a":', n) },
  {
    name: 'one huge cell',
    build: (n) =>
      `${LADDER_HEAD}${repeatTo('Writes clear, well-tested code. ', n - LADDER_HEAD.length - 40)}\n\n## L2\n\n### Craft\n\n- More.\n`,
  },
];

/** Each real seed document repeated to the size (only where the seeds are present). */
function seedShapes(): PathologicalShape[] {
  return listFiles(SEEDS_DIR).map((file) => {
    const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    return { name: `seed ${file} repeated`, build: (n: number) => repeatTo(`${text}\n\n`, n) };
  });
}

export function pathologicalShapes(): PathologicalShape[] {
  return [...SHAPES, ...seedShapes()];
}
