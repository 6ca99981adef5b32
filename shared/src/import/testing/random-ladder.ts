import { normalizeBlocks } from '../rich-text/normalize.ts';
import { pick } from './mutations.ts';
import {
  LADDER_CONTENT_VERSION,
  cellKey,
  type LadderContent,
  type PMMark,
  type PMNode,
} from '../../model/index.ts';

/** Random ladders with awkward text, to check that our Markdown and CSV read back exactly. */
const WORDS = [
  'ship',
  'lead',
  'L3',
  'IC5',
  'a*b',
  '_x_',
  '#1',
  '[link]',
  '1.',
  '-',
  '|',
  'C++',
  '<b>',
  '&amp;',
  'e.g.',
  'team’s',
  '“quoted”',
  '50%',
  'v2.0',
  '`code`',
  '\\',
  '—',
  'ünïcödé',
  '{#id}',
];

function words(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => pick(WORDS, rnd)).join(' ');
}

function inline(rnd: () => number): PMNode[] {
  const out: PMNode[] = [];
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const marks: PMMark[] = [];
    if (rnd() < 0.2) marks.push({ type: 'bold' });
    if (rnd() < 0.2) marks.push({ type: 'italic' });
    if (rnd() < 0.1) marks.push({ type: 'link', attrs: { href: `https://example.com/${i}` } });
    if (rnd() < 0.05) marks.push({ type: 'strike' });
    out.push(
      marks.length
        ? { type: 'text', text: words(rnd, 1 + Math.floor(rnd() * 4)), marks }
        : { type: 'text', text: words(rnd, 1 + Math.floor(rnd() * 4)) },
    );
    out.push({ type: 'text', text: ' ' });
    if (rnd() < 0.05) out.push({ type: 'hardBreak' });
  }
  return out;
}

function blocks(rnd: () => number, depth = 0): PMNode[] {
  const out: PMNode[] = [];
  const n = Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.5 || depth > 1) out.push({ type: 'paragraph', content: inline(rnd) });
    else if (r < 0.8) {
      const ordered = rnd() < 0.3;
      out.push({
        type: ordered ? 'orderedList' : 'bulletList',
        ...(ordered ? { attrs: { start: 1 + Math.floor(rnd() * 3) } } : {}),
        content: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
          type: 'listItem',
          content: [
            { type: 'paragraph', content: inline(rnd) },
            ...blocks(rnd, depth + 1).filter((b) => b.type !== 'paragraph'),
          ],
        })),
      });
    } else if (r < 0.9)
      out.push({ type: 'blockquote', content: [{ type: 'paragraph', content: inline(rnd) }] });
    else out.push({ type: 'heading', attrs: { level: 3 }, content: inline(rnd) });
  }
  // Two lists of the same kind in a row are one list in Markdown: keep them apart.
  return normalizeBlocks(out).filter(
    (b, i, all) => i === 0 || !(b.type === all[i - 1]!.type && b.type.endsWith('List')),
  );
}

function doc(rnd: () => number) {
  return { type: 'doc' as const, content: blocks(rnd) };
}

function name(rnd: () => number): string {
  return words(rnd, 1 + Math.floor(rnd() * 3))
    .replace(/\s+/g, ' ')
    .trim();
}

export function randomLadder(rnd: () => number): LadderContent {
  // Levels are named, uniquely (long-form CSV tells levels apart by code and title only).
  const levels0 = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => ({
    id: `l${i}`,
    code: rnd() < 0.6 ? `L${i + 1}` : '',
    title: rnd() < 0.8 ? `${name(rnd)} ${i}` : '',
    summary: doc(rnd),
    attributes: rnd() < 0.3 ? [{ key: 'Years of experience', value: `${i}+` }] : [],
  }));
  const levels = levels0.map((l, i) => (l.code || l.title ? l : { ...l, code: `X${i}` }));
  const groups = ['', 'Craft', 'Impact'];
  const comps = Array.from({ length: 1 + Math.floor(rnd() * 5) }, (_, i) => ({
    id: `c${i}`,
    name: `${name(rnd)} ${i}`,
    group: pick(groups, rnd),
    description: rnd() < 0.3 ? doc(rnd) : { type: 'doc' as const, content: [] },
  }));
  const cells: LadderContent['cells'] = {};
  for (const l of levels)
    for (const c of comps)
      if (rnd() < 0.7)
        cells[cellKey(l.id, c.id)] = {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }, ...blocks(rnd)],
        };
  return {
    schemaVersion: LADDER_CONTENT_VERSION,
    title: rnd() < 0.9 ? name(rnd) : '',
    track: rnd() < 0.3 ? 'IC' : '',
    description: doc(rnd),
    levels,
    competencies: comps,
    cells,
  };
}
