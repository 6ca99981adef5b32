/** Ladders created at the same moment with the same title each get a slug of their own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ListeningApp } from '../helpers/app.ts';
import { setupAdmin, type Session } from '../helpers/auth.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { call } from '../helpers/proposals.ts';

describe.each(DATABASE_KINDS)('creating ladders concurrently on %s', (kind) => {
  let db: TestDatabase;
  let server: ListeningApp;
  let admin: Session;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startTestApp(db.url);
    admin = await setupAdmin(server.url);
  });

  afterAll(async () => {
    await server?.app.close();
    await db?.drop();
  });

  it('gives eight ladders with one title eight slugs, and no error', async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, () =>
        call<{ ladder: { slug: string } }>(admin, 'POST', '/api/ladders', { title: 'Same title' }, 201),
      ),
    );
    const slugs = created.map((c) => c.ladder.slug);
    expect(new Set(slugs).size).toBe(8);
    expect(slugs).toContain('same-title');
  });
});
