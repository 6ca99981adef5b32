import { plainText, type LadderContent } from '../model/index.ts';
import { normalizeText } from './normalize.ts';
import { stripMarkup, type StripOptions } from './strip-markup.ts';

/** Split plain text into sentences (after . ! ? followed by a space) and normalise each. */
export function splitSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=\S)/))
    .map(normalizeText)
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Every sentence of a source document, markup removed. */
export function sourceSentences(source: string, options: StripOptions = {}): string[] {
  return stripMarkup(source, options).flatMap(splitSentences);
}

/** All the text of a ladder, one field or block per line. */
export function ladderText(content: LadderContent): string {
  const lines: string[] = [content.title, content.track, plainText(content.description)];
  for (const level of content.levels) {
    lines.push([level.code, level.title].filter(Boolean).join(' '), plainText(level.summary));
    for (const a of level.attributes) lines.push(a.key, a.value);
  }
  for (const c of content.competencies) lines.push(c.group, c.name, plainText(c.description));
  for (const doc of Object.values(content.cells)) lines.push(plainText(doc));
  return lines.filter(Boolean).join('\n');
}

export interface MissingSentenceOptions extends StripOptions {
  /** Source fragments the ladder need not contain (table column headers such as "Responsibility"). */
  ignore?: string[];
  /**
   * Labels repeated in the source that must appear at least once. The ladder's own names (levels,
   * competencies, groups, attribute keys) are always labels: a document names a competency once
   * per level, the ladder once.
   */
  labels?: string[];
}

function structuralLabels(content: LadderContent): string[] {
  return [
    ...content.levels.flatMap((l) => [
      l.code,
      l.title,
      [l.code, l.title].filter(Boolean).join(' '),
      ...(l.code && l.title ? [`${l.code} - ${l.title}`, `${l.code}: ${l.title}`] : []),
      ...l.attributes.map((a) => a.key),
    ]),
    ...content.competencies.flatMap((c) => [c.name, c.group]),
  ].filter(Boolean);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Sentences of `source` that the ladder does not contain. Each occurrence counts: a sentence the
 * source says twice must be in the ladder twice (a found sentence is consumed, longest first, and
 * matches stop at word boundaries), so dropping one copy of a repeated sentence is caught.
 */
export function missingSentences(
  source: string,
  content: LadderContent,
  options: MissingSentenceOptions = {},
): string[] {
  const ignore = new Set((options.ignore ?? []).map(normalizeText));
  const labels = new Set((options.labels ?? []).map(normalizeText));
  const structural = new Set(structuralLabels(content).map(normalizeText));
  let haystack = ladderText(content).split('\n').map(normalizeText).join('\n');
  const full = haystack;
  const sentences = sourceSentences(source, options).filter((s) => !ignore.has(s));
  const order = sentences.map((s, i) => ({ s, i })).sort((a, b) => b.s.length - a.s.length);
  const missing: Array<{ s: string; i: number }> = [];
  for (const { s, i } of order) {
    if (structural.has(s)) continue; // the ladder's own names: present by construction
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');
    if (labels.has(s)) {
      if (!re.test(full)) missing.push({ s, i });
      continue;
    }
    const m = re.exec(haystack);
    if (!m) {
      missing.push({ s, i });
      continue;
    }
    haystack = haystack.slice(0, m.index) + '\u0001'.repeat(s.length) + haystack.slice(m.index + s.length);
  }
  return missing.sort((a, b) => a.i - b.i).map((m) => m.s);
}
