/** Document mutations for the import fuzz test: truncation, random bytes, tokens, shuffled lines. */
import { readZipDirectory, readZipEntry } from '../office/zip.ts';
import { zip } from './zip-writer.ts';

/** Small seeded PRNG (mulberry32): the same cases on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TOKENS = [
  '|',
  '\t',
  '#',
  '## ',
  '**',
  '_',
  '<p>',
  '</p>',
  '<br>',
  '<table>',
  '---\n',
  '{',
  '"',
  ',',
  '\n',
  '- ',
  '* ',
  '{#x}',
  '![i](x.png)',
  '\u0000',
  '\uFFFD',
  '</td>',
];

export type Mutation = (bytes: Uint8Array, rnd: () => number) => Uint8Array;

export const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const enc = new TextEncoder();
const dec = new TextDecoder();

export const mutations: Record<string, Mutation> = {
  truncate: (b, rnd) => b.slice(0, Math.floor(rnd() * b.length)),
  randomBytes: (b, rnd) => {
    const out = Uint8Array.from(b);
    const n = 1 + Math.floor(rnd() * 12);
    for (let i = 0; i < n && out.length; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
    return out;
  },
  insertTokens: (b, rnd) => {
    let s = dec.decode(b);
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) {
      const at = Math.floor(rnd() * (s.length + 1));
      s = s.slice(0, at) + pick(TOKENS, rnd) + s.slice(at);
    }
    return enc.encode(s);
  },
  shuffleLines: (b, rnd) => {
    const lines = dec.decode(b).split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return enc.encode(lines.join('\n'));
  },
  dropLines: (b, rnd) =>
    enc.encode(
      dec
        .decode(b)
        .split('\n')
        .filter(() => rnd() > 0.3)
        .join('\n'),
    ),
  duplicateLines: (b, rnd) =>
    enc.encode(
      dec
        .decode(b)
        .split('\n')
        .flatMap((l) => (rnd() < 0.2 ? [l, l] : [l]))
        .join('\n'),
    ),
  splice: (b, rnd) => {
    const s = dec.decode(b);
    const a = Math.floor(rnd() * s.length);
    const len = Math.floor(rnd() * 200);
    const at = Math.floor(rnd() * s.length);
    const cut = s.slice(0, a) + s.slice(a + len);
    return enc.encode(cut.slice(0, at) + s.slice(a, a + len) + cut.slice(at));
  },
};

/** Damage aimed at a ZIP archive: its central directory and end record sit at the end of the file. */
export const zipMutations: Record<string, Mutation> = {
  truncateTail: (b, rnd) => b.slice(0, b.length - 1 - Math.floor(rnd() * 400)),
  corruptDirectory: (b, rnd) => {
    const out = Uint8Array.from(b);
    const n = 1 + Math.floor(rnd() * 6);
    for (let i = 0; i < n && out.length; i++)
      out[out.length - 1 - Math.floor(rnd() * Math.min(out.length, 600))] = Math.floor(rnd() * 256);
    return out;
  },
  corruptEntry: (b, rnd) => {
    const out = Uint8Array.from(b);
    const at = Math.floor(rnd() * out.length);
    for (let i = at; i < Math.min(out.length, at + 1 + Math.floor(rnd() * 64)); i++)
      out[i] = Math.floor(rnd() * 256);
    return out;
  },
};

/**
 * A ZIP archive whose entries are intact but one part's XML is damaged (tokens, cuts, shuffled
 * lines), so the damage reaches mammoth and exceljs instead of stopping at the ZIP check.
 */
zipMutations.damagePart = (b, rnd) => {
  let entries;
  try {
    entries = readZipDirectory(b).map((e) => ({ name: e.name, data: readZipEntry(b, e) }));
  } catch {
    return b;
  }
  const xmlParts = entries.filter((e) => /\.xml$/.test(e.name));
  if (!xmlParts.length) return b;
  const part = pick(xmlParts, rnd);
  const textMutations = ['truncate', 'insertTokens', 'shuffleLines', 'splice', 'randomBytes'];
  part.data = mutations[pick(textMutations, rnd)]!(part.data, rnd);
  return zip(entries);
};
