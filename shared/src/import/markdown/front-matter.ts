import { parse as parseYaml } from 'yaml';
import type { SourceDocument } from '../document.ts';
import type { Warnings } from '../warnings.ts';

export interface FrontMatter {
  meta: SourceDocument['meta'];
  /** The document with the front matter blanked out (line numbers stay the same). */
  body: string;
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function scalar(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value))
    return value
      .map((v) => scalar(v) ?? '')
      .filter(Boolean)
      .join(', ');
  return JSON.stringify(value);
}

/** Read YAML front matter (`---` … `---`) at the very start of a Markdown document. */
export function readFrontMatter(text: string, warnings: Warnings): FrontMatter {
  const meta: SourceDocument['meta'] = { other: [] };
  const m = FENCE.exec(text);
  if (!m) return { meta, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch (e) {
    warnings.add(
      'front_matter',
      `The front matter is not valid YAML (${(e as Error).message.split('\n')[0]}); it was imported as text.`,
      1,
    );
    return { meta, body: text };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { meta, body: text };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const v = scalar(value);
    if (v === undefined) continue;
    const k = key.toLowerCase();
    if (k === 'title' || k === 'name') meta.title ??= v;
    else if (k === 'track' || k === 'ladder' || k === 'career track') meta.track ??= v;
    else if (k === 'description' || k === 'summary') meta.description ??= v;
    else meta.other.push({ key, value: v });
  }
  const blank = m[0].replace(/[^\n]/g, '');
  return { meta, body: blank + text.slice(m[0].length) };
}
