import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, databaseSnapshot } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';
import { zip } from '@rungs/shared/import/testing/zip-writer';
import { withoutIds } from '@rungs/shared';
import { ensureSampleLadder } from '@rungs/server/sample/ensure-sample';

const PASSWORD = 'correct horse battery staple';
const SEEDS = path.resolve(REPO_ROOT, '../shared/seeds');

describe('import API', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    app = await buildTestApp(db.url);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { email: 'admin@example.com', name: 'Admin', password: PASSWORD },
    });
    const cookie = setup.cookies.find((c) => c.name === 'rungs_session')!;
    headers = { cookie: `rungs_session=${cookie.value}`, 'x-csrf-token': (setup.json() as any).csrfToken };
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const preview = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/imports/preview', headers, payload });

  it('previews a Markdown ladder with its detected format, creating nothing', async () => {
    const before = await databaseSnapshot(app);
    const res = await preview({
      text: '# Data ladder\n\n## D1 Analyst\n\n### Insight\n\n- Answers questions with data.\n\n## D2 Senior Analyst\n\n### Insight\n\n- Frames the questions worth asking.\n',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as any;
    expect(body.format).toBe('markdown');
    expect(body.content.levels).toHaveLength(2);
    expect(body.content.competencies.map((c: any) => c.name)).toEqual(['Insight']);
    expect(await databaseSnapshot(app)).toEqual(before);
  });

  const bad: Array<[string, Record<string, unknown>, number, RegExp]> = [
    ['an empty document', { text: '   \n\n' }, 422, /empty/i],
    [
      'a binary file',
      { base64: Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7]).toString('base64') },
      422,
      /binary/i,
    ],
    ['truncated JSON', { text: '{"schemaVersion":1,"title":"Half', format: 'json' }, 422, /json/i],
    ['a heading-only file', { text: '# Title\n\n## Another heading\n' }, 422, /heading/i],
    [
      'a table with ragged rows',
      { text: 'Level\tCraft\tImpact\nL1\tWrites code\tShips\nL2\tReviews\n', format: 'tsv' },
      422,
      /row|column/i,
    ],
  ];
  it.each(bad)(
    'answers %s with a clear 4xx and creates nothing',
    async (_label, payload, status, pattern) => {
      const before = await databaseSnapshot(app);
      const res = await preview(payload);
      expect(res.statusCode, res.body).toBe(status);
      const { error } = res.json() as { error: { code: string; message: string } };
      expect(error.message).toMatch(pattern);
      expect(await databaseSnapshot(app)).toEqual(before);
    },
  );

  it('answers a 20 MB document with 413, not a dropped connection or a 5xx', async () => {
    const line = '- Writes clear, well-tested code for the team every single day.\n';
    const text = `# Big\n\n## L1\n\n### Craft\n\n${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}`;
    const res = await preview({ text });
    expect(res.statusCode).toBe(413);
    expect((res.json() as any).error.message).toMatch(/large|MB/i);
  });

  it('gives the line of the problem where it applies', async () => {
    const res = await preview({
      text: 'Level,Craft,Impact\nL1,Writes code,Ships\nL2,Reviews\nL3,a,b\n',
      format: 'csv',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as any).error.line).toBe(3);
  });

  it.skipIf(!fs.existsSync(SEEDS))('previews every seed document', async () => {
    for (const file of fs.readdirSync(SEEDS).sort()) {
      const res = await preview({ text: fs.readFileSync(path.join(SEEDS, file), 'utf8'), filename: file });
      expect(res.statusCode, `${file}: ${res.body.slice(0, 300)}`).toBe(200);
      expect((res.json() as any).content.levels.length).toBeGreaterThan(0);
    }
  });

  const FIXTURES = path.resolve(REPO_ROOT, 'tests/fixtures/import');
  const base64Of = (file: string) => fs.readFileSync(path.join(FIXTURES, file)).toString('base64');

  it('previews Word and Excel uploads sent as base64, with the sheet chosen', async () => {
    const before = await databaseSnapshot(app);
    const docx = await preview({ base64: base64Of('word-bold-labels.docx'), filename: 'levels.docx' });
    expect(docx.statusCode, docx.body).toBe(200);
    expect((docx.json() as any).format).toBe('docx');
    expect((docx.json() as any).warnings.map((w: any) => w.code)).toContain('bold_labels');
    const xlsx = await preview({ base64: base64Of('sheet-wide.xlsx'), sheet: 'Old version' });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect((xlsx.json() as any).format).toBe('xlsx');
    expect((xlsx.json() as any).content.levels.map((l: any) => l.code || l.title)).toEqual(['Level 1']);
    expect((xlsx.json() as any).sheets).toEqual(['Read me', 'Ladder', 'Old version']);
    expect(await databaseSnapshot(app)).toEqual(before);
  });

  it('refuses a zip bomb and a damaged Word file with 422 and our error code', async () => {
    // A central directory declaring a 3.9 GB document.xml: refused before anything is inflated.
    const bomb = Buffer.from(
      zip([
        { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
        { name: 'word/document.xml', data: new TextEncoder().encode('<w:document/>'), declared: 0xfffffffe },
      ]),
    );
    const refused = await preview({ base64: bomb.toString('base64'), filename: 'ladder.docx' });
    expect(refused.statusCode, refused.body).toBe(422);
    expect((refused.json() as any).error.code).toBe('unsafe_archive');
    const docx = fs.readFileSync(path.join(FIXTURES, 'word-headings.docx'));
    const cut = await preview({ base64: docx.subarray(0, docx.length / 2).toString('base64') });
    expect(cut.statusCode).toBe(422);
    expect((cut.json() as any).error.code).toBe('corrupt_file');
  });

  it('exports a published version as Word and Excel that preview back to the same ladder', async () => {
    await ensureSampleLadder(app);
    const [ladder] = await app.db.selectFrom('ladders').selectAll().execute();
    const json = await app.inject({
      method: 'GET',
      url: `/api/ladders/${ladder!.slug}/versions/latest/export?format=json`,
      headers,
    });
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/ladders/${ladder!.slug}/versions/latest/export?format=${format}`,
        headers,
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toMatch(new RegExp(`\\.${format}"$`));
      const back = await preview({ base64: res.rawPayload.toString('base64') });
      expect(back.statusCode, back.body.slice(0, 300)).toBe(200);
      expect((back.json() as any).format).toBe(format);
      expect(withoutIds((back.json() as any).content)).toEqual(withoutIds(json.json()));
    }
  });
});
