import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/paths.ts';

const SHARED_SRC = path.join(REPO_ROOT, 'shared/src');
const NODE_ONLY = /^(mammoth|exceljs|docx|node:.*)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = path.join(dir, f);
    return statSync(full).isDirectory()
      ? files(full)
      : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)
        ? [full]
        : [];
  });
}

/** The `@rungs/shared/…` modules the web app imports (its sources, tests left out). */
function webEntries(): string[] {
  const entries = new Set<string>();
  for (const file of files(path.join(REPO_ROOT, 'web/src')))
    for (const m of readFileSync(file, 'utf8').matchAll(/from '@rungs\/shared\/([^']+)'/g))
      entries.add(path.join(SHARED_SRC, `${m[1]}.ts`));
  return [...entries];
}

/** Every module and package a module reaches through static imports. */
function reach(entry: string, seen = new Set<string>(), packages = new Set<string>()) {
  if (seen.has(entry)) return { seen, packages };
  seen.add(entry);
  const source = readFileSync(entry, 'utf8');
  for (const m of source.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'/g,
  )) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith('.')) reach(path.resolve(path.dirname(entry), spec), seen, packages);
    else packages.add(spec);
  }
  return { seen, packages };
}

describe('the browser bundle stays free of the Word and Excel libraries', () => {
  it('no module the web app imports reaches mammoth, exceljs, docx or a node: module', () => {
    const entries = webEntries();
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const { seen, packages } = reach(entry);
      const label = path.relative(SHARED_SRC, entry);
      expect(
        [...packages].filter((p) => NODE_ONLY.test(p)),
        label,
      ).toEqual([]);
      expect(
        [...seen].filter((f) => /[\\/]office[\\/]/.test(f)),
        label,
      ).toEqual([]);
    }
  });
});
