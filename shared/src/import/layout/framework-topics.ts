import { parse as parseYaml } from 'yaml';
import type { PMNode } from '../../model/index.ts';
import { LadderBuilder, type LevelDraft } from '../ladder-builder.ts';
import { parseLevelName } from '../level-name.ts';
import { cellsToBlocks } from '../markdown/markdown-document.ts';
import { normalizeBlocks } from '../rich-text/normalize.ts';
import type { Warnings } from '../warnings.ts';
import { paragraph } from './cells.ts';

/**
 * The open-source progression frameworks keep a ladder in YAML front matter: `topics:` (one per
 * competency, `title` as its name) whose `content:` entries give a `level:` (a number, or a name)
 * its `criteria:` (the cell's bullets) and `examples:` (kept as a sub-list). Levels are numbered
 * 1..N — N from `levels: N`, else the highest level a topic names — unless they are named.
 */
interface Topic {
  name?: unknown;
  title?: unknown;
  description?: unknown;
  content?: unknown;
}

interface Entry {
  level?: unknown;
  criteria?: unknown;
  examples?: unknown;
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const strings = (x: unknown): string[] =>
  (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x])
    .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''))
    .filter(Boolean);

/** The front matter's data when it holds framework topics, else null. */
export function frameworkData(text: string): Record<string, unknown> | null {
  const m = FENCE.exec(text);
  if (!m || !/^topics\s*:/m.test(m[1]!)) return null;
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    return null;
  }
  if (!isObject(data) || !Array.isArray(data['topics'])) return null;
  const topics = data['topics'] as unknown[];
  const shaped = topics.filter(
    (t) =>
      isObject(t) &&
      Array.isArray(t['content']) &&
      (t['content'] as unknown[]).some((e) => isObject(e) && 'level' in e),
  );
  return shaped.length && shaped.length === topics.length ? data : null;
}

function listOf(items: string[], ordered = false): PMNode {
  const blocks = cellsToBlocks(items, {});
  return {
    type: ordered ? 'orderedList' : 'bulletList',
    content: blocks.map((b) => ({
      type: 'listItem',
      content: b.length ? b : [paragraph('')],
    })),
  };
}

function levelLabel(value: unknown): string {
  return typeof value === 'number' || /^\d+$/.test(String(value).trim())
    ? `Level ${String(value).trim()}`
    : String(value).trim();
}

function topicName(t: Topic): string {
  const title = strings(t.title)[0];
  if (title) return title;
  const name = strings(t.name)[0] ?? 'Topic';
  return name.replace(/[_-]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Read framework topics into a builder; `body` (the Markdown after the front matter) describes the ladder. */
export function readFrameworkTopics(
  data: Record<string, unknown>,
  body: PMNode[],
  w: Warnings,
): LadderBuilder {
  const b = new LadderBuilder(w);
  const title = strings(data['title'])[0];
  if (title) b.title = title;
  const track = strings(data['track'])[0];
  if (track) b.track = track;
  const topics = data['topics'] as Topic[];
  const named = Array.isArray(data['levels']) ? strings(data['levels']) : [];
  const used = topics.flatMap((t) => (t.content as Entry[]).map((e) => e.level));
  const numbers = used.filter((l): l is number => typeof l === 'number' && Number.isInteger(l) && l > 0);
  const count = typeof data['levels'] === 'number' ? data['levels'] : Math.max(0, ...numbers);
  const levels = new Map<string, LevelDraft>();
  const add = (label: string) => {
    if (!levels.has(label)) levels.set(label, b.addLevel(parseLevelName(label)));
    return levels.get(label)!;
  };
  // Named levels (`levels: [Junior, Senior]`) take the numbers' places: level 1 is the first name.
  const label = (value: unknown) =>
    typeof value === 'number' && named[value - 1] ? named[value - 1]! : levelLabel(value);
  if (named.length) named.forEach(add);
  else for (let n = 1; n <= Math.min(count, 50); n++) add(levelLabel(n));
  for (const t of topics) {
    const comp = b.competency(topicName(t), '');
    const description = strings(t.description);
    if (description.length) comp.description.push(...cellsToBlocks(description, {}).flat());
    for (const e of t.content as Entry[]) {
      if (!isObject(e) || e.level === undefined || e.level === null) continue;
      const level = add(label(e.level));
      b.competency(comp.name, '', level.id);
      const criteria = strings(e.criteria);
      const examples = strings(e.examples);
      const blocks: PMNode[] = [];
      if (criteria.length) blocks.push(listOf(criteria));
      if (examples.length) {
        const item: PMNode = {
          type: 'listItem',
          content: [paragraph('Examples'), listOf(examples)],
        };
        if (blocks[0]) blocks[0].content!.push(item);
        else blocks.push({ type: 'bulletList', content: [item] });
      }
      if (blocks.length) b.appendCell(level, comp, normalizeBlocks(blocks));
    }
  }
  const known = new Set(['title', 'track', 'topics', 'levels']);
  for (const [key, value] of Object.entries(data)) {
    if (known.has(key)) continue;
    const v = strings(value).join(', ');
    if (v) b.description.push(paragraph(`${key}: ${v}`));
  }
  b.description.push(...body);
  w.add(
    'framework_topics',
    `The front matter’s ${topics.length} topics were read as competencies and their levels’ criteria as expectations (examples kept as a sub-list under each).`,
  );
  return b;
}
