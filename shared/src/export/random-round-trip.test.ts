import { describe, expect, it } from 'vitest';
import { withoutIds } from '../import/canonical.ts';
import { importLadder } from '../import/import-ladder.ts';
import { prng } from '../import/testing/mutations.ts';
import { randomLadder } from '../import/testing/random-ladder.ts';
import type { LadderContent } from '../model/index.ts';
import { exportCsv } from './csv.ts';
import { exportMarkdown } from './markdown.ts';

describe('random ladders round-trip through our Markdown and CSV', () => {
  it('reads back 100 random ladders exactly', () => {
    const rnd = prng(7);
    for (let i = 0; i < 100; i++) {
      const L = randomLadder(rnd);
      const md = exportMarkdown(L);
      const back = importLadder(md).content;
      expect(withoutIds(back), `ladder ${i}\n${md}`).toEqual(withoutIds(L));
      const csv = importLadder(exportCsv(L), { format: 'csv' }).content;
      const view = (c: LadderContent) => {
        const x = withoutIds(c) as {
          levels: Array<{ code: string; title: string }>;
          competencies: Array<{ name: string; group: string }>;
          cells: unknown;
        };
        return {
          levels: x.levels.map((l) => [l.code, l.title]),
          competencies: x.competencies.map((c) => [c.group, c.name]),
          cells: x.cells,
        };
      };
      expect(view(csv), `ladder ${i} as CSV`).toEqual(view(L));
    }
  }, 60_000);
});
