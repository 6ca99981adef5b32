import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLadderContent } from '../model/index.ts';
import { ImportError } from './errors.ts';
import { importDocument } from './import-document.ts';
import { FIXTURES_DIR, SEEDS_DIR, listFiles } from './testing/paths.ts';
import { FORMAT_IDS, type FormatId } from './types.ts';
import { mutations, pick, prng, zipMutations } from './testing/mutations.ts';
import { isOfficeFile } from './testing/office-source.ts';

const dec = new TextDecoder();

// Our small fixtures get most cases; the larger seeds (slower to parse) and Word and Excel files fewer.
const sources = [
  ...listFiles(FIXTURES_DIR).map((f) => ({
    file: path.join(FIXTURES_DIR, f),
    cases: isOfficeFile(f) ? 80 : 170,
  })),
  ...listFiles(SEEDS_DIR).map((f) => ({ file: path.join(SEEDS_DIR, f), cases: 60 })),
].map(({ file, cases }) => ({ name: path.basename(file), cases, bytes: new Uint8Array(readFileSync(file)) }));

const TOTAL = sources.reduce((n, s) => n + s.cases, 0);
const TEXT_TOTAL = sources.filter((s) => !isOfficeFile(s.name)).reduce((n, s) => n + s.cases, 0);

describe('fuzz: mutated documents give a valid ladder or an ImportError, nothing else', () => {
  it(`survives ${TOTAL} mutated documents, Word and Excel files included`, async () => {
    const rnd = prng(20240605);
    const outcomes = { ladders: 0, errors: 0 };
    const office = { ladders: 0, errors: 0 };
    for (const source of sources) {
      const tally = isOfficeFile(source.name) ? office : outcomes;
      // A Word or Excel file is a ZIP archive: it is also cut and damaged where its directory is.
      const table = isOfficeFile(source.name) ? { ...mutations, ...zipMutations } : mutations;
      const names = Object.keys(table);
      for (let i = 0; i < source.cases; i++) {
        const name = pick(names, rnd);
        let bytes = table[name]!(source.bytes, rnd);
        if (rnd() < 0.3) bytes = table[pick(names, rnd)]!(bytes, rnd);
        // Sometimes read it as a string, sometimes force a (possibly wrong) format.
        const input = rnd() < 0.5 ? bytes : dec.decode(bytes);
        const format: FormatId | undefined = rnd() < 0.2 ? pick(FORMAT_IDS, rnd) : undefined;
        const label = `${source.name} ${name}${format ? ` as ${format}` : ''} #${i}`;
        try {
          const result = await importDocument(input, format ? { format } : { filename: source.name });
          expect(() => validateLadderContent(result.content), label).not.toThrow();
          expect(result.content.levels.length, label).toBeGreaterThan(0);
          tally.ladders++;
        } catch (e) {
          if (!(e instanceof ImportError)) throw new Error(`${label}: threw ${String(e)}`, { cause: e });
          expect(e.message.length, label).toBeGreaterThan(10);
          expect(e.code, `${label}: ${e.message}`).not.toBe('internal');
          tally.errors++;
        }
      }
    }
    // Most mutations of a text document still read as a ladder; the rest fail with our error.
    expect(outcomes.ladders).toBeGreaterThan(outcomes.errors);
    expect(outcomes.ladders + outcomes.errors).toBe(TEXT_TOTAL);
    expect(TEXT_TOTAL).toBeGreaterThanOrEqual(2200);
    // A damaged ZIP is mostly refused; some damage leaves a readable file.
    expect(office.ladders + office.errors).toBe(TOTAL - TEXT_TOTAL);
    expect(office.errors).toBeGreaterThan(0);
    expect(office.ladders).toBeGreaterThan(0);
  }, 180_000);
});
