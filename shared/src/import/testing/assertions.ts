import { expect } from 'vitest';
import {
  cellKey,
  plainText,
  validateLadderContent,
  type LadderContent,
  type Level,
} from '../../model/index.ts';
import { missingSentences } from '../../text/index.ts';
import { normalizeText } from '../../text/normalize.ts';
import type { ImportResult } from '../types.ts';
import type { Expectation } from './expectations.ts';

export function findLevel(content: LadderContent, name: string): Level {
  const level = content.levels.find((l) => l.code === name || l.title === name);
  if (!level)
    throw new Error(`no level “${name}” in ${content.levels.map((l) => l.code || l.title).join(', ')}`);
  return level;
}

export function cellPlainText(content: LadderContent, levelName: string, competency: string): string {
  const level = findLevel(content, levelName);
  const comp = content.competencies.find((c) => c.name === competency);
  if (!comp) throw new Error(`no competency “${competency}”`);
  const doc = content.cells[cellKey(level.id, comp.id)];
  return doc ? normalizeText(plainText(doc)) : '';
}

/** Check an import result against what the document must give. */
export function expectImport(result: ImportResult, source: string, e: Expectation): void {
  const c = validateLadderContent(result.content);
  expect(result.format).toBe(e.format);
  expect(result.layout).toBe(e.layout);
  if (e.title !== undefined) expect(c.title).toBe(e.title);
  if (e.track !== undefined) expect(c.track).toBe(e.track);
  expect(c.levels.map((l) => ({ code: l.code, title: l.title }))).toEqual(e.levels);
  expect(c.competencies).toHaveLength(e.competencies);
  expect(Object.keys(c.cells)).toHaveLength(e.cells);
  if (e.groups) {
    const groups: Record<string, number> = {};
    for (const comp of c.competencies) groups[comp.group] = (groups[comp.group] ?? 0) + 1;
    expect(groups).toEqual(e.groups);
    expect([...new Set(c.competencies.map((x) => x.group))]).toEqual(Object.keys(e.groups));
  }
  for (const [level, attrs] of Object.entries(e.attributes ?? {})) {
    expect(findLevel(c, level).attributes.map((a) => `${a.key}: ${a.value}`)).toEqual(attrs);
  }
  for (const [level, competency, sentence] of e.placed ?? []) {
    expect(cellPlainText(c, level, competency), `${level} × ${competency}`).toContain(
      normalizeText(sentence),
    );
  }
  for (const [level, sentence] of e.summaries ?? []) {
    expect(normalizeText(plainText(findLevel(c, level).summary)), `summary of ${level}`).toContain(
      normalizeText(sentence),
    );
  }
  const codes = result.warnings.map((w) => w.code);
  for (const code of e.warnings ?? []) expect(codes).toContain(code);
  if (e.format !== 'json') {
    expect(missingSentences(source, c, { ignore: e.ignore ?? [], csv: e.csv ?? false })).toEqual([]);
  }
}
