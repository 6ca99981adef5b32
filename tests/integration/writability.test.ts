/**
 * The database decides whether a document takes edits: every server-side write (REST rename,
 * restore, update from published: all `rooms.change`) and every websocket edit goes through the
 * group commit, which refuses updates for documents that are read-only in SQL, whatever the
 * process believes. Checked in every state of a proposal.
 */
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DocumentNotWritableError } from '../../server/src/collab/group-commit.ts';
import { startTestApp } from '../helpers/app.ts';
import { storedDocument, cellOf } from '../helpers/burst.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { testLadder, typeIntoCell } from '../helpers/ladders.ts';
import {
  call,
  createPublishedLadder,
  createTeam,
  merge,
  proposalPath,
  startProposal,
  type Team,
} from '../helpers/proposals.ts';

describe.each(DATABASE_KINDS)('what may write a document, on %s', (kind) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let team: Team;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const started = await startTestApp(db.url);
    app = started.app;
    team = await createTeam(started.url);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const write = (documentName: string, text: string) =>
    app.rooms.change(documentName, (doc) => typeIntoCell(doc, 'L1', 'C1', text));
  const stored = async (documentName: string) =>
    cellOf(await storedDocument(db.url, documentName), 'L1', 'C1');

  it('takes edits while a proposal is a draft, open, or reopened, and refuses them once closed or merged', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, `Writability ${kind}`));
    await call(team.admin, 'PATCH', `/api/ladders/${slug}/settings`, { requiredApprovals: 0 });
    const p = await startProposal(team.alice, slug, 'States');

    await write(p.documentName, 'draft;');
    await call(team.alice, 'POST', proposalPath(slug, p.number, '/open'));
    await write(p.documentName, 'open;');
    await call(team.alice, 'POST', proposalPath(slug, p.number, '/close'));
    await expect(write(p.documentName, 'closed;')).rejects.toBeInstanceOf(DocumentNotWritableError);
    await call(team.alice, 'POST', proposalPath(slug, p.number, '/reopen'));
    await write(p.documentName, 'reopened;');
    await merge(team.alice, slug, p.number);
    await expect(write(p.documentName, 'merged;')).rejects.toBeInstanceOf(DocumentNotWritableError);

    expect(await stored(p.documentName)).toBe('draft;open;reopened;');
  });

  it('refuses what this process would still write after another one closed the document behind its back', async () => {
    const { slug } = await createPublishedLadder(team, testLadder(2, 2, `Behind its back ${kind}`));
    const p = await startProposal(team.alice, slug, 'Behind its back', { open: true });
    await write(p.documentName, 'before;');
    // Another instance closes it: only SQL knows (no fan-out here, the room stays loaded).
    await app.db.updateTable('documents').set({ read_only: 1 }).where('name', '=', p.documentName).execute();
    await expect(write(p.documentName, 'after;')).rejects.toBeInstanceOf(DocumentNotWritableError);
    expect(await stored(p.documentName)).toBe('before;');
    // The room that held the refused edit was dropped: what it serves next comes from SQL.
    const served = await app.rooms.read(p.documentName, (doc) => Y.encodeStateAsUpdate(doc));
    const reread = new Y.Doc();
    Y.applyUpdate(reread, served);
    expect(cellOf(reread, 'L1', 'C1')).toBe('before;');
  });
});
