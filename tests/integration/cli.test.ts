import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateLadderContent, withoutIds } from '@rungs/shared';
import { buildTestApp } from '../helpers/app.ts';
import { ensureSampleLadder } from '@rungs/server/sample/ensure-sample';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

const MARKDOWN = `# Support ladder

## S1 Support Specialist

### Customer care

- Answers tickets kindly and on time.

### Product knowledge

- Knows the main workflows.

## S2 Senior Support Specialist

### Customer care

- Turns angry customers into fans.

### Product knowledge

- Knows the edge cases and teaches them.
`;

function rungs(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The CLI's stdout as bytes (Word and Excel output). */
function rungsBytes(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

describe('rungs CLI', () => {
  let dir: string;
  let file: string;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rungs-cli-'));
    file = path.join(dir, 'support.md');
    fs.writeFileSync(file, MARKDOWN);
    db = await createTestDatabase('sqlite');
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('convert writes only the document to stdout', () => {
    const json = rungs(['convert', file, '--to', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const content = validateLadderContent(JSON.parse(json.stdout));
    expect(content.levels.map((l) => l.code)).toEqual(['S1', 'S2']);

    const csv = rungs(['convert', file, '--to', 'csv']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^Level code,/);
    const html = rungs(['convert', file, '--to', 'html']);
    expect(html.stdout.trimStart()).toMatch(/^<!doctype html>/i);
    const md = rungs(['convert', file, '--to', 'md']);
    expect(md.stdout).toContain('Turns angry customers into fans.');
  });

  it('through `pnpm rungs`, stdout still holds only the document', () => {
    const result = spawnSync('npx', ['-y', 'pnpm@10.34.8', 'rungs', 'convert', file, '--to', 'json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('puts warnings on stderr and explains a document it cannot read', () => {
    const withImage = path.join(dir, 'image.md');
    fs.writeFileSync(withImage, MARKDOWN.replace('- Answers', '![logo](logo.png)\n\n- Answers'));
    const ok = rungs(['convert', withImage, '--to', 'json']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/warning.*image/i);
    JSON.parse(ok.stdout);

    const garbage = path.join(dir, 'garbage.txt');
    fs.writeFileSync(garbage, 'just a sentence with nothing ladder-like\n');
    const bad = rungs(['convert', garbage, '--to', 'json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/Cannot import: .+/);

    expect(rungs(['convert', path.join(dir, 'missing.md'), '--to', 'json']).stderr).toMatch(/No such file/);
    expect(rungs(['convert', file]).code).toBe(2);
  });

  it('import creates a ladder in the database', async () => {
    const result = rungs(['import', file], { DATABASE_URL: db.url });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Imported "Support ladder" \(markdown, 2 levels × 2 competencies\)/);
    const app = await buildTestApp(db.url);
    try {
      const ladders = await app.db.selectFrom('ladders').selectAll().execute();
      expect(ladders.map((l) => l.title)).toEqual(['Support ladder']);
    } finally {
      await app.close();
    }
  });

  it('export writes a published version of a ladder to stdout', async () => {
    const sampleDb = await createTestDatabase('sqlite');
    try {
      const app = await buildTestApp(sampleDb.url);
      await ensureSampleLadder(app);
      const [ladder] = await app.db.selectFrom('ladders').selectAll().execute();
      await app.close();
      const md = rungs(['export', ladder!.slug, '--format', 'md'], { DATABASE_URL: sampleDb.url });
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('Writes readable code with tests for the happy path.');
      const csv = rungs(['export', ladder!.slug, '--format', 'csv', '--version', '1'], {
        DATABASE_URL: sampleDb.url,
      });
      expect(csv.stdout.split('\n')[0]).toMatch(/^Level code,/);
      const missing = rungs(['export', ladder!.slug, '--format', 'md', '--version', '9'], {
        DATABASE_URL: sampleDb.url,
      });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatch(/version 9|not found|no version/i);
      // Said in one line, not a stack trace.
      expect(missing.stderr.trim().split('\n')).toHaveLength(1);
      const unknown = rungs(['export', 'no-such-ladder', '--format', 'md'], { DATABASE_URL: sampleDb.url });
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr.trim()).toBe('Ladder "no-such-ladder" was not found.');
    } finally {
      await sampleDb.drop();
    }
  });

  it('convert writes Word and Excel files that convert back to the same ladder', () => {
    const json = rungs(['convert', file, '--to', 'json']);
    for (const to of ['docx', 'xlsx']) {
      const out = rungsBytes(['convert', file, '--to', to]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
      const office = path.join(dir, `support.${to}`);
      fs.writeFileSync(office, out.stdout);
      const back = rungs(['convert', office, '--to', 'json']);
      expect(back.code, back.stderr).toBe(0);
      expect(withoutIds(validateLadderContent(JSON.parse(back.stdout)))).toEqual(
        withoutIds(JSON.parse(json.stdout)),
      );
    }
  });

  it('convert reads the sheet named with --sheet', () => {
    const xlsx = path.join(REPO_ROOT, 'tests/fixtures/import/sheet-wide.xlsx');
    const res = rungs(['convert', xlsx, '--to', 'json', '--sheet', 'Old version']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).levels.map((l: { code: string }) => l.code)).toEqual(['Level 1']);
  });
});
