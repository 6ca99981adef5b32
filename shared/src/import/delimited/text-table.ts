import { LADDER_LIMITS } from '../../model/limits.ts';
import { ImportError, ladderTooLarge } from '../errors.ts';
import type { LadderBuilder } from '../ladder-builder.ts';
import { parseLevelName } from '../level-name.ts';
import { paragraph } from '../layout/cells.ts';
import { isAttribute } from '../layout/cells.ts';
import type { LayoutId } from '../types.ts';
import type { Warnings } from '../warnings.ts';
import type { GridCell } from '../layout/cells.ts';

/**
 * A table pasted as plain text (from a wiki or a slide): a dimension name on its own line, then
 * level columns whose cells end with `|` and may span lines, e.g.
 *
 *     Scope of action
 *     Director of Engineering | VP of Engineering |
 *     4-6 teams | Organization |
 *     Responsibilities
 *     Director of Engineering |
 *     - Owns accountability …
 *     |
 *     VP of Engineering |
 *     - Owns accountability …
 *     |
 *
 * A cell naming a level queues that level; the next cells are its values, in order.
 */
interface Dimension {
  name: string;
  line: number;
  notes: string[];
  values: Map<string, string>;
}

const key = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function isTextTable(text: string): boolean {
  const lines = text.split('\n');
  const ending = lines.filter((l) => {
    const t = l.trim();
    return t.length > 1 && t.endsWith('|') && !t.startsWith('|');
  }).length;
  return ending >= 2;
}

function levelNames(lines: string[]): string[] {
  const counts = new Map<string, { n: number; name: string }>();
  const firstSegment = (l: string) => l.split('|')[0]!.trim();
  for (const l of lines) {
    if (!l.includes('|')) continue;
    const s = firstSegment(l);
    if (!s || /^[-*•]/.test(s) || s.length > 100) continue;
    const entry = counts.get(key(s)) ?? { n: 0, name: s };
    entry.n++;
    counts.set(key(s), entry);
  }
  const max = Math.max(0, ...[...counts.values()].map((c) => c.n));
  const threshold = Math.max(2, Math.ceil(max / 2));
  const found = new Set([...counts.entries()].filter(([, c]) => c.n >= threshold).map(([k]) => k));
  const order: string[] = [];
  const added = new Set<string>();
  const add = (s: string) => {
    if (added.has(key(s))) return;
    added.add(key(s));
    order.push(s);
  };
  const headerLine = (l: string) => l.includes('|') && found.has(key(firstSegment(l)));
  for (const l of lines) {
    if (!headerLine(l)) continue;
    const segs = l
      .split('|')
      .slice(0, -1)
      .map((s) => s.trim());
    for (const s of segs) if (s && s.length <= 100 && !/^[-*•]/.test(s)) add(s);
  }
  if (!order.length) {
    const firstRow = lines.find((l) => l.includes('|'));
    for (const s of (firstRow ?? '').split('|').slice(0, -1)) if (s.trim()) add(s.trim());
  }
  return order;
}

export function readTextTable(
  text: string,
  b: LadderBuilder,
  w: Warnings,
  toBlocks: (s: string) => GridCell,
): LayoutId {
  const lines = text.split('\n');
  const levels = levelNames(lines);
  if (!levels.length)
    throw new ImportError(
      'no_ladder',
      'No level columns were found: expected lines such as “Director | VP |”.',
    );
  if (levels.length > LADDER_LIMITS.maxLevels)
    throw ladderTooLarge({ kind: 'levels', count: levels.length, limit: LADDER_LIMITS.maxLevels });
  const isLevel = new Map(levels.map((l) => [key(l), l]));
  const dims: Dimension[] = [];
  const preamble: string[] = [];
  let labels: Array<{ text: string; line: number }> = [];
  let current: Dimension | undefined;
  let queue: string[] = [];
  let buffer: string[] | null = null;

  const startDimension = (line: number) => {
    let name = labels.pop()?.text;
    const earlier = labels.map((l) => l.text);
    if (current) current.notes.push(...earlier);
    else preamble.push(...earlier);
    if (!name) {
      name = `Section ${dims.length + 1}`;
      w.add(
        'unnamed_competency',
        `Cells on line ${line} follow no name line; they were put under “${name}”.`,
        line,
      );
    }
    current = { name, line, notes: [], values: new Map() };
    dims.push(current);
    queue = [];
    labels = [];
  };

  const emitCell = (raw: string, line: number) => {
    const t = raw.replace(/^\n+/, '').trimEnd();
    const level = isLevel.get(key(t));
    if (level && !t.includes('\n')) {
      if (labels.length || !current) startDimension(line);
      queue.push(level);
      return;
    }
    if (labels.length) {
      startDimension(line);
      queue = [...levels];
    }
    if (!current) {
      if (t) preamble.push(t);
      return;
    }
    const target = queue.shift();
    if (target) {
      const prev = current.values.get(target);
      current.values.set(target, prev ? `${prev}\n\n${t}` : t);
    } else if (t) {
      w.add(
        'orphan_cell',
        `The cell ending on line ${line} has no level column; it was kept in the description of “${current.name}”.`,
        line,
      );
      current.notes.push(t);
    }
  };

  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.includes('|')) {
      if (buffer !== null) buffer.push(text);
      else if (text.trim() && current && queue.length) buffer = [text];
      else if (text.trim()) labels.push({ text: text.trim(), line });
      return;
    }
    const segs = text.split('|');
    for (let k = 0; k < segs.length - 1; k++) {
      const cell = (buffer ? `${buffer.join('\n')}\n` : '') + segs[k]!;
      buffer = null;
      emitCell(cell, line);
    }
    const last = segs[segs.length - 1]!;
    buffer = last.trim() ? [last] : null;
  });
  if (buffer !== null) {
    const rest = (buffer as string[]).join('\n');
    if (queue.length) {
      w.add('unclosed_cell', 'The last cell does not end with “|”; the text may be truncated.', lines.length);
      emitCell(rest, lines.length);
    } else if (current) current.notes.push(rest.trim());
  }
  if (current && labels.length) current.notes.push(...labels.map((l) => l.text));

  if (!dims.length)
    throw new ImportError(
      'no_ladder',
      'No rows were found under the level columns: expected a name line followed by “… | … |” cells.',
    );
  b.title = preamble.shift();
  b.description.push(...preamble.map((p) => paragraph(p)));
  const drafts = levels.map((l) => b.addLevel(parseLevelName(l)));
  for (const dim of dims) {
    const cells = levels.map((l) => toBlocks(dim.values.get(l) ?? ''));
    if (isAttribute(dim.name, cells)) {
      drafts.forEach((level, i) => b.addAttribute(level, dim.name, cells[i]!.text));
      if (dim.notes.length) b.description.push(paragraph(dim.name), ...dim.notes.map((n) => paragraph(n)));
      continue;
    }
    const comp = b.competency(dim.name, '');
    comp.description.push(...dim.notes.flatMap((n) => toBlocks(n).blocks));
    if (dim.notes.length)
      w.add(
        'notes',
        `Text after “${dim.name}” outside its cells was kept as that competency’s description.`,
        dim.line,
      );
    drafts.forEach((level, i) => {
      b.competency(comp.name, comp.group, level.id);
      b.appendCell(level, comp, cells[i]!.blocks, dim.line);
    });
  }
  return 'dimension-blocks';
}
