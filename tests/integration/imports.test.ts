import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, databaseSnapshot } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

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
});
