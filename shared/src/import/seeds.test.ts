import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellKey, plainText } from '../model/index.ts';
import { missingSentences } from '../text/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { importLadder } from './import-ladder.ts';
import { cellPlainText, expectImport } from './testing/assertions.ts';
import { SEED_EXPECTATIONS } from './testing/expectations.ts';
import { SEEDS_DIR, listFiles, seedsPresent } from './testing/paths.ts';

/** The five real ladders next to the repository (../shared/seeds); skipped when absent. */
describe.skipIf(!seedsPresent)('seed ladders', () => {
  it('has an expectation for every seed', () => {
    expect(listFiles(SEEDS_DIR)).toEqual(Object.keys(SEED_EXPECTATIONS));
  });

  for (const [file, expected] of Object.entries(SEED_EXPECTATIONS)) {
    it(`imports ${file} faithfully`, () => {
      const bytes = readFileSync(path.join(SEEDS_DIR, file));
      const result = importLadder(bytes, { filename: file });
      expectImport(result, bytes.toString('utf8'), expected);
    });
  }

  it('ignores only short column headers when checking sentences', () => {
    for (const e of Object.values(SEED_EXPECTATIONS))
      for (const s of e.ignore ?? []) expect(s.split(' ').length).toBeLessThanOrEqual(3);
  });

  it('puts every bullet of 001 in its own level × competency cell', () => {
    const file = '001_9680a8238ff2c6aa.txt';
    const source = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const { content } = importLadder(source);
    let level = '';
    let competency = '';
    let checked = 0;
    for (const line of source.split('\n')) {
      const h2 = /^## (.+?) \{#/.exec(line);
      const h3 = /^### (.+)$/.exec(line);
      if (h2) level = h2[1]!;
      else if (h3) competency = h3[1]!;
      else if (line.startsWith('- ') && level && competency) {
        expect(cellPlainText(content, level, competency)).toContain(normalizeText(line.slice(2)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(80);
  });

  it('puts every paragraph of 004 in its own level × competency cell', () => {
    const file = '004_5955d2d51ec912b9.txt';
    const source = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const { content } = importLadder(source, { filename: file });
    const rows = source
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t'));
    const [header, ...body] = rows;
    let checked = 0;
    for (const row of body) {
      row.slice(1).forEach((cell, j) => {
        for (const m of cell.matchAll(/<p>(.*?)<\/p>/g)) {
          expect(cellPlainText(content, row[0]!, header![j + 1]!)).toContain(normalizeText(m[1]!));
          checked++;
        }
      });
    }
    expect(checked).toBe(37); // every <p> of the file
  });

  it('keeps the pillar tables of 000 as groups of competencies', () => {
    const { content } = importLadder(readFileSync(path.join(SEEDS_DIR, '000_47b844894f1f6c06.txt')));
    expect(content.competencies.map((c) => `${c.group}/${c.name}`)).toEqual([
      'Results/Impact',
      'Results/Ownership',
      'Results/Decision Making',
      'Direction/Agility',
      'Direction/Innovation',
      'Direction/Strategy',
      'Talent/Personal Growth',
      'Talent/Hiring',
      'Talent/Talent Development',
      'Culture/Collaboration',
      'Culture/Organizational Health',
      'Culture/Communication',
      'Craft/Process Design',
      'Craft/Managing Programs',
      'Craft/Technical Acumen',
    ]);
    // Broken bold runs are repaired: no split words, no stray markers.
    const all = JSON.stringify(content);
    expect(all).not.toMatch(/\*\*|large p\b|B ehaviors/);
    const level = content.levels[0]!;
    const impact = content.competencies[0]!;
    const cell = content.cells[cellKey(level.id, impact.id)]!;
    expect(cell.content?.[0]?.type).toBe('bulletList');
    expect(cell.content?.[0]?.content).toHaveLength(4);
    expect(plainText(level.summary)).not.toMatch(/png|trophy/);
  });

  it('warns that the levels table and the sections of 002 disagree', () => {
    const { warnings } = importLadder(readFileSync(path.join(SEEDS_DIR, '002_588498a7156d0efe.txt')));
    const w = warnings.find((x) => x.code === 'levels_disagree');
    expect(w?.message).toMatch(/TPM4 for the section TPM3/);
    expect(w?.line).toBe(5);
  });

  it('fails the sentence check when a sentence is dropped from a seed ladder', () => {
    const file = '001_9680a8238ff2c6aa.txt';
    const source = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
    const { content } = importLadder(source);
    const key = Object.keys(content.cells)[0]!;
    const list = content.cells[key]!.content![0]!;
    list.content = list.content!.slice(1);
    expect(missingSentences(source, content)).toEqual([
      'You work with your team to establish, contribute, and drive best practices.',
    ]);
  });
});
