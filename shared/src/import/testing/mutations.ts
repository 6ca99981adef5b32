/** Document mutations for the import fuzz test: truncation, random bytes, tokens, shuffled lines. */
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
