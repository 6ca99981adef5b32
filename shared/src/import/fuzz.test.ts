import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadderContent } from '../model/index.ts';
import { ImportError } from './errors.ts';
import { importLadder } from './import-ladder.ts';
import { FIXTURES_DIR, SEEDS_DIR, listFiles } from './testing/paths.ts';
import { FORMAT_IDS, type FormatId } from './types.ts';
import { mutations, pick, prng } from './testing/mutations.ts';

const dec = new TextDecoder();

// Our small fixtures get most cases; the larger seeds (slower to parse) fewer.
const sources = [
  ...listFiles(FIXTURES_DIR).map((f) => ({ file: path.join(FIXTURES_DIR, f), cases: 170 })),
  ...listFiles(SEEDS_DIR).map((f) => ({ file: path.join(SEEDS_DIR, f), cases: 60 })),
].map(({ file, cases }) => ({ name: path.basename(file), cases, bytes: new Uint8Array(readFileSync(file)) }));

const TOTAL = sources.reduce((n, s) => n + s.cases, 0);

describe('fuzz: mutated documents give a valid ladder or an ImportError, nothing else', () => {
  it(`survives ${TOTAL} mutated documents`, () => {
    const rnd = prng(20240605);
    const outcomes = { ladders: 0, errors: 0 };
    const names = Object.keys(mutations);
    for (const source of sources) {
      for (let i = 0; i < source.cases; i++) {
        const name = pick(names, rnd);
        let bytes = mutations[name]!(source.bytes, rnd);
        if (rnd() < 0.3) bytes = mutations[pick(names, rnd)]!(bytes, rnd);
        // Sometimes read it as a string, sometimes force a (possibly wrong) format.
        const input = rnd() < 0.5 ? bytes : dec.decode(bytes);
        const format: FormatId | undefined = rnd() < 0.2 ? pick(FORMAT_IDS, rnd) : undefined;
        const label = `${source.name} ${name}${format ? ` as ${format}` : ''} #${i}`;
        try {
          const result = importLadder(input, format ? { format } : { filename: source.name });
          expect(() => validateLadderContent(result.content), label).not.toThrow();
          expect(result.content.levels.length, label).toBeGreaterThan(0);
          outcomes.ladders++;
        } catch (e) {
          if (!(e instanceof ImportError)) throw new Error(`${label}: threw ${String(e)}`, { cause: e });
          expect(e.message.length, label).toBeGreaterThan(10);
          expect(e.code, `${label}: ${e.message}`).not.toBe('internal');
          outcomes.errors++;
        }
      }
    }
    // Most mutations still read as a ladder; the rest fail with our error.
    expect(outcomes.ladders).toBeGreaterThan(outcomes.errors);
    expect(outcomes.ladders + outcomes.errors).toBe(TOTAL);
    expect(TOTAL).toBeGreaterThanOrEqual(2200);
  }, 120_000);
});
