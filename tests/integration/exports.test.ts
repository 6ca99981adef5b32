/**
 * Issue 13: the Export menu's Excel and Word files, written by the server from the ladder the
 * browser sends (a live draft or proposal, or a published version), in a worker; each imports
 * back as the same ladder. Any signed-in reader may ask (they send what they already read);
 * the content is checked and bounded like any ladder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromBullets, LADDER_LIMITS, withoutIds, type LadderContent } from '@rungs/shared';
import { api, createUser, setupAdmin, type Session } from '../helpers/auth.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testLadder } from '../helpers/ladders.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';

const MEDIA = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function writtenLadder(): LadderContent {
  const content = testLadder(3, 4, 'Data Engineering');
  content.competencies[0]!.group = 'Craft';
  content.competencies[1]!.group = 'Craft';
  for (const l of content.levels)
    for (const c of content.competencies)
      content.cells[`${l.id}:${c.id}`] = docFromBullets([
        `${c.name} at ${l.code}: builds pipelines others rely on.`,
        'Explains the trade-offs to the team.',
      ]);
  return content;
}

describe('exporting a ladder as Excel or Word', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let admin: Session;
  let viewer: Session;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    server = await startServer({ databaseUrl: db.url });
    admin = await setupAdmin(server.url);
    viewer = await createUser(admin, 'viewer', 'Vera Viewer');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  for (const format of ['xlsx', 'docx'] as const) {
    it(`writes ${format} that imports back as the same ladder`, async () => {
      const content = writtenLadder();
      const res = await api(viewer, 'POST', '/api/exports', { content, format, name: 'Data ladder' });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get('content-type')).toBe(MEDIA[format]);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="data-ladder.${format}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');

      const preview = await api(admin, 'POST', '/api/imports/preview', {
        base64: bytes.toString('base64'),
        filename: `data-ladder.${format}`,
      });
      expect(preview.status, await preview.clone().text()).toBe(200);
      const read = (await preview.json()) as { content: LadderContent; format: string };
      expect(read.format).toBe(format);
      expect(withoutIds(read.content)).toEqual(withoutIds(content));
    });
  }

  it('refuses anonymous callers, content that is not a ladder, and a ladder past the limits', async () => {
    const anonymous = await api(
      null,
      'POST',
      '/api/exports',
      { content: testLadder(), format: 'xlsx' },
      server.url,
    );
    expect(anonymous.status).toBe(401);

    const broken = await api(viewer, 'POST', '/api/exports', {
      content: { ...testLadder(), levels: 'many' },
      format: 'docx',
    });
    expect(broken.status).toBe(400);

    const unknown = await api(viewer, 'POST', '/api/exports', { content: testLadder(), format: 'pdf' });
    expect(unknown.status).toBe(400);

    const huge = testLadder(LADDER_LIMITS.maxLevels + 1, 1);
    const tooLarge = await api(viewer, 'POST', '/api/exports', { content: huge, format: 'xlsx' });
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: { message: string } }).error.message).toMatch(/levels/);
  });

  it('serves a published version as Excel from the version export, written in a worker', async () => {
    const created = await api(admin, 'POST', '/api/ladders', { title: 'Data', content: writtenLadder() });
    const { ladder } = (await created.json()) as { ladder: { slug: string } };
    const open = await api(admin, 'POST', `/api/ladders/${ladder.slug}/proposals/1/open`);
    expect(open.status).toBe(200);
    await api(admin, 'PATCH', `/api/ladders/${ladder.slug}/settings`, { requiredApprovals: 0 });
    const merged = await api(admin, 'POST', `/api/ladders/${ladder.slug}/proposals/1/merge`);
    expect(merged.status, await merged.clone().text()).toBe(200);
    const res = await api(viewer, 'GET', `/api/ladders/${ladder.slug}/versions/1/export?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MEDIA.xlsx);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
