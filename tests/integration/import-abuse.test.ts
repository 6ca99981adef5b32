import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LADDER_LIMITS, cellKey, newId, type LadderContent } from '@rungs/shared';
import { pathologicalShapes } from '@rungs/shared/import/testing/pathological';
import { api, setupAdmin, type Session } from '../helpers/auth.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const MB = 1024 * 1024;
// Low, so that a document the parsers cannot read in linear time is cut off quickly.
const IMPORT_TIMEOUT_MS = 3_000;

/** Polls /api/health until stopped; every answer is kept. */
function pollHealth(baseUrl: string) {
  const answers: Array<{ status: number; at: number }> = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
      answers.push({ status: res?.status ?? 0, at: performance.now() });
      await res?.arrayBuffer();
    }
  })();
  return {
    answers,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

async function tableCount(admin: Session): Promise<number> {
  const res = await api(admin, 'GET', '/api/ladders');
  return ((await res.json()) as { ladders: unknown[] }).ladders.length;
}

async function previewContent(admin: Session, text: string): Promise<LadderContent> {
  const res = await api(admin, 'POST', '/api/imports/preview', { text });
  expect(res.status).toBe(200);
  return ((await res.json()) as { content: LadderContent }).content;
}

describe('import abuse', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({
      databaseUrl: db.url,
      env: {
        RUNGS_IMPORT_TIMEOUT_MS: String(IMPORT_TIMEOUT_MS),
        RUNGS_IMPORT_WORKERS: '2',
        // A worker stopped at the deadline is replaced at once, not when the next document comes.
        RUNGS_IMPORT_WARM_WORKERS: '2',
      },
    });
    admin = await setupAdmin(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const shapes = pathologicalShapes();

  it.each(shapes.map((s) => [s.name, s] as const))(
    '%s at 1 MB gives a ladder or a 4xx, never a 5xx, while /api/health answers',
    async (_name, shape) => {
      const health = pollHealth(server.url);
      const res = await api(admin, 'POST', '/api/imports/preview', {
        text: shape.build(MB),
        ...(shape.filename ? { filename: shape.filename } : {}),
      });
      const body = (await res.json()) as {
        content?: LadderContent;
        error?: { code: string; message: string };
      };
      await health.stop();
      expect(res.status, JSON.stringify(body).slice(0, 300)).toBeLessThan(500);
      if (res.status === 200) expect(body.content!.levels.length).toBeGreaterThan(0);
      else expect(body.error!.message.length, body.error!.code).toBeGreaterThan(20);
      expect(health.answers.length).toBeGreaterThan(0);
      expect(health.answers.filter((a) => a.status !== 200)).toEqual([]);
    },
    120_000,
  );

  it('answers /api/health while a document runs out its time budget, then refuses it with 422', async () => {
    const before = await tableCount(admin);
    const health = pollHealth(server.url);
    // Linear, but about 10 s a megabyte: 2 MB of it outlasts the 3 s budget many times over.
    const text = shapes.find((s) => s.name === 'many tables')!.build(2 * MB);
    const res = await api(admin, 'POST', '/api/imports/preview', { text });
    const answeredDuringImport = health.answers.length;
    const body = (await res.json()) as { error: { code: string; message: string } };
    await health.stop();
    expect(res.status).toBe(422);
    expect(body.error.code).toBe('import_too_complex');
    expect(body.error.message).toMatch(/too complex to import/);
    expect(body.error.message).toMatch(/in parts|plain Markdown/);
    // The event loop kept serving while a worker parsed.
    expect(answeredDuringImport).toBeGreaterThan(0);
    expect(health.answers.every((a) => a.status === 200)).toBe(true);
    expect(await tableCount(admin)).toBe(before);
  }, 120_000);

  it('answers 503 with Retry-After when every worker and the queue are taken', async () => {
    // Linear, but about 10 s a megabyte: 2 MB of it outlasts the 3 s budget many times over.
    const text = shapes.find((s) => s.name === 'many tables')!.build(2 * MB);
    // 2 workers and a queue of 8 (the defaults): the eleventh concurrent import is refused.
    const responses = await Promise.all(
      Array.from({ length: 11 }, () => api(admin, 'POST', '/api/imports/preview', { text })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 422 || s === 503)).toBe(true);
    const busy = responses.find((r) => r.status === 503)!;
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await busy.json()) as { error: { message: string } }).error.message).toMatch(/try again/i);
    await Promise.all(responses.map((r) => r.arrayBuffer().catch(() => null)));
  }, 180_000);
});

describe.each(DATABASE_KINDS)('ladder size limits on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  let admin: Session;
  let base: LadderContent;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({ databaseUrl: db.url });
    admin = await setupAdmin(server.url);
    base = await previewContent(admin, '# Small\n\n## L1\n\n### Craft\n\n- Writes code.\n');
  });

  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const withLevels = (n: number): LadderContent => ({
    ...base,
    levels: Array.from({ length: n }, (_, i) => ({ ...base.levels[0]!, id: newId(), code: `L${i + 1}` })),
    cells: {},
  });

  const refusals: Array<[string, () => LadderContent, RegExp]> = [
    [
      'too many levels',
      () => withLevels(LADDER_LIMITS.maxLevels + 1),
      new RegExp(`at most ${LADDER_LIMITS.maxLevels} levels`),
    ],
    [
      'too many competencies',
      () => ({
        ...base,
        competencies: Array.from({ length: LADDER_LIMITS.maxCompetencies + 1 }, (_, i) => ({
          ...base.competencies[0]!,
          id: newId(),
          name: `Skill ${i}`,
        })),
        cells: {},
      }),
      new RegExp(`at most ${LADDER_LIMITS.maxCompetencies} competencies`),
    ],
    [
      'too much text',
      () => ({
        ...base,
        description: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(9 * MB) }] }],
        },
      }),
      /at most 8 MB of text/,
    ],
  ];

  it('creates a ladder with 1 MB of text in one cell', async () => {
    const [level] = base.levels;
    const [competency] = base.competencies;
    const text = 'Writes clear, well-tested code. '.repeat(MB / 32);
    const content: LadderContent = {
      ...base,
      cells: {
        [cellKey(level!.id, competency!.id)]: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
        },
      },
    };
    const res = await api(admin, 'POST', '/api/ladders', { title: 'Big cell', content });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it.each(refusals)(
    'refuses a ladder with %s (422) and creates nothing',
    async (_label, content, message) => {
      const before = await tableCount(admin);
      const res = await api(admin, 'POST', '/api/ladders', { title: 'Too big', content: content() });
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(body.error.code).toBe('ladder_too_large');
      expect(body.error.message).toMatch(message);
      expect(await tableCount(admin)).toBe(before);
    },
  );

  it('refuses an import preview over the level limit with the same message', async () => {
    const levels = Array.from(
      { length: LADDER_LIMITS.maxLevels + 5 },
      (_, i) => `## IC${i + 1} Engineer\n\n### Craft\n\n- Writes code.\n`,
    ).join('\n');
    const res = await api(admin, 'POST', '/api/imports/preview', { text: `# Many\n\n${levels}` });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status).toBe(422);
    expect(body.error.code).toBe('ladder_too_large');
    expect(body.error.message).toMatch(/at most 100 levels/);
  });
});
