import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import {
  cellText,
  createLadder,
  fetchContent,
  fragmentText,
  testLadder,
  typeIntoCell,
} from '../helpers/ladders.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/collab-client.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { waitFor } from '../helpers/wait.ts';
import { setupAdmin, type Session } from '../helpers/auth.ts';
import { connectDatabase } from '@rungs/server';

const MAX_MESSAGE_BYTES = 64 * 1024;

describe.each(DATABASE_KINDS)('live collaboration on %s', (kind) => {
  let db: TestDatabase;
  let server: ServerProcess;
  const clients: TestClient[] = [];
  const env = { RUNGS_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), RUNGS_IDLE_UNLOAD_MS: '200' };

  let admin: Session;
  const client = (docName: string) => {
    const c = connectClient(server.wsUrl, docName, { cookie: admin.cookie });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    server = await startServer({ databaseUrl: db.url, env });
    admin = await setupAdmin(server.url);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
    await db?.drop();
  });

  it('two clients converge on concurrent edits to the same cell', async () => {
    const ladder = await createLadder(admin, testLadder());
    const a = client(ladder.draftDocument);
    const b = client(ladder.draftDocument);
    await Promise.all([waitSynced(a), waitSynced(b)]);

    // Both write into the same empty cell in the same instant: both texts must survive.
    typeIntoCell(a.doc, 'L1', 'C1', 'Alpha writes here.');
    typeIntoCell(b.doc, 'L1', 'C1', 'Beta writes here.');
    for (let i = 0; i < 20; i++) {
      typeIntoCell(a.doc, 'L1', 'C1', ` a${i}`);
      typeIntoCell(b.doc, 'L1', 'C1', ` b${i}`);
    }
    await waitFor(
      () =>
        fragmentText(a.doc, 'cell:L1:C1') === fragmentText(b.doc, 'cell:L1:C1') &&
        fragmentText(a.doc, 'cell:L1:C1').includes('b19') &&
        fragmentText(b.doc, 'cell:L1:C1').includes('a19'),
      {
        message: 'both clients to converge',
      },
    );
    const text = fragmentText(a.doc, 'cell:L1:C1');
    expect(text).toContain('Alpha writes here.');
    expect(text).toContain('Beta writes here.');
    const stored = await waitFor(async () => {
      const c = cellText(await fetchContent(admin, ladder.draftDocument), 'L1', 'C1');
      return c.includes('a19') && c.includes('b19') ? c : null;
    });
    expect(stored.replace(/\n/g, '')).toBe(text);
  });

  it('keeps content across a server restart', async () => {
    const ladder = await createLadder(admin, testLadder());
    const a = client(ladder.draftDocument);
    await waitSynced(a);
    typeIntoCell(a.doc, 'L2', 'C3', 'Survives a restart.');
    await waitFor(
      async () =>
        cellText(await fetchContent(admin, ladder.draftDocument), 'L2', 'C3') === 'Survives a restart.',
    );
    a.destroy();

    await server.stop();
    server = await startServer({ databaseUrl: db.url, env, port: server.port });
    const content = await fetchContent(admin, ladder.draftDocument);
    expect(cellText(content, 'L2', 'C3')).toBe('Survives a restart.');
    const fresh = client(ladder.draftDocument);
    await waitSynced(fresh);
    expect(fragmentText(fresh.doc, 'cell:L2:C3')).toBe('Survives a restart.');
  });

  it('loses no edit any client had received when the server is killed with SIGKILL mid-burst', async () => {
    const ladder = await createLadder(admin, testLadder(1, 4));
    const writers = [1, 2, 3, 4].map(() => client(ladder.draftDocument));
    await Promise.all(writers.map((w) => waitSynced(w)));

    // Each writer types tokens into its own cell; every client records the tokens of others that
    // reached it through the server (which only broadcasts what it has stored).
    const seen = new Set<string>();
    writers.forEach((w, i) => {
      w.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (origin !== w.provider) return;
        writers.forEach((_, j) => {
          if (j === i) return;
          for (const token of fragmentText(w.doc, `cell:L1:C${j + 1}`).match(/w\d+-\d+;/g) ?? [])
            seen.add(token);
        });
      });
    });
    let written = 0;
    let stop = false;
    const bursts = writers.map(async (w, i) => {
      for (let n = 0; !stop; n++) {
        typeIntoCell(w.doc, 'L1', `C${i + 1}`, `w${i}-${n};`);
        written++;
        await new Promise((r) => setImmediate(r));
      }
    });
    await waitFor(() => seen.size >= 400, { timeoutMs: 30_000, message: 'the burst to be under way' });
    await server.kill9(); // mid-burst: writers are still typing
    stop = true;
    await Promise.all(bursts);
    const mustSurvive = new Set(seen);
    for (const w of writers) w.destroy(); // no reconnect may re-send anything

    expect(written).toBeGreaterThan(mustSurvive.size);
    server = await startServer({ databaseUrl: db.url, env, port: server.port });
    const content = await fetchContent(admin, ladder.draftDocument);
    const stored = new Set(
      [1, 2, 3, 4].flatMap((c) => cellText(content, 'L1', `C${c}`).match(/w\d+-\d+;/g) ?? []),
    );
    const lost = [...mustSurvive].filter((t) => !stored.has(t));
    expect(lost).toEqual([]);
    expect(mustSurvive.size).toBeGreaterThanOrEqual(400);
  });

  it('compacts the log into a snapshot, and unloads an idle document once everything is stored', async () => {
    const compacting = await startServer({
      databaseUrl: db.url,
      env: { ...env, RUNGS_COMPACT_AFTER_UPDATES: '50', RUNGS_IDLE_UNLOAD_MS: '100' },
    });
    const sql = connectDatabase(db.url);
    try {
      const ladder = await createLadder(admin, testLadder());
      const c = connectClient(compacting.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
      clients.push(c);
      await waitSynced(c);
      for (let i = 0; i < 200; i++) typeIntoCell(c.doc, 'L1', 'C1', `${i} `);
      const expected = fragmentText(c.doc, 'cell:L1:C1');
      const snapshot = await waitFor(
        () =>
          sql
            .selectFrom('doc_snapshots')
            .selectAll()
            .where('document_name', '=', ladder.draftDocument)
            .executeTakeFirst(),
        { message: 'a snapshot to be written' },
      );
      expect(snapshot.state.byteLength).toBeGreaterThan(0);
      c.destroy();
      const health = async () =>
        (await (await fetch(`${compacting.url}/api/health`)).json()) as { loadedDocuments: number };
      await waitFor(async () => (await health()).loadedDocuments === 0, {
        message: 'the idle document to unload',
      });
      const logged = await sql
        .selectFrom('doc_updates')
        .select('id')
        .where('document_name', '=', ladder.draftDocument)
        .execute();
      expect(logged.length).toBe(0); // unloading folds the rest of the log into the snapshot
      const content = await fetchContent({ ...admin, baseUrl: compacting.url }, ladder.draftDocument);
      expect(cellText(content, 'L1', 'C1')).toBe(expected);
    } finally {
      await sql.destroy();
      await compacting.stop();
    }
  });

  it('folds a long log when it loads the document, before any edit', async () => {
    // A server that never compacts leaves a long log behind; one that compacts after 50 finds it.
    const hoarding = await startServer({
      databaseUrl: db.url,
      env: { ...env, RUNGS_COMPACT_AFTER_UPDATES: '100000', RUNGS_IDLE_UNLOAD_MS: '600000' },
    });
    const sql = connectDatabase(db.url);
    const logged = async (name: string) =>
      (await sql.selectFrom('doc_updates').select('id').where('document_name', '=', name).execute()).length;
    try {
      const ladder = await createLadder(admin, testLadder());
      const writer = connectClient(hoarding.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
      await waitSynced(writer);
      for (let i = 0; i < 120; i++) typeIntoCell(writer.doc, 'L1', 'C1', `${i} `);
      const expected = fragmentText(writer.doc, 'cell:L1:C1');
      await waitFor(async () => (await logged(ladder.draftDocument)) >= 120, {
        message: 'the edits to be logged',
      });
      writer.destroy();
      await hoarding.stop();

      const folding = await startServer({
        databaseUrl: db.url,
        env: { ...env, RUNGS_COMPACT_AFTER_UPDATES: '50' },
      });
      try {
        const reader = connectClient(folding.wsUrl, ladder.draftDocument, { cookie: admin.cookie });
        clients.push(reader);
        await waitSynced(reader);
        expect(fragmentText(reader.doc, 'cell:L1:C1')).toBe(expected);
        await waitFor(async () => (await logged(ladder.draftDocument)) === 0, {
          message: 'the log to be folded by the load',
        });
        reader.destroy();
        const content = await fetchContent({ ...admin, baseUrl: folding.url }, ladder.draftDocument);
        expect(cellText(content, 'L1', 'C1')).toBe(expected);
      } finally {
        await folding.stop();
      }
    } finally {
      await sql.destroy();
      await hoarding.stop();
    }
  });

  it('closes only the connection that sent a malformed or oversized frame, changing nothing', async () => {
    const ladder = await createLadder(admin, testLadder());
    const bystander = client(ladder.draftDocument);
    await waitSynced(bystander);
    typeIntoCell(bystander.doc, 'L1', 'C2', 'Before the attack.');
    await waitFor(async () => cellText(await fetchContent(admin, ladder.draftDocument), 'L1', 'C2') !== '');
    const before = await fetchContent(admin, ladder.draftDocument);
    const updatesBefore = bystander.remoteUpdates;

    const garbage = encoding.createEncoder();
    encoding.writeVarUint(garbage, 0); // sync
    encoding.writeVarUint(garbage, 2); // update
    encoding.writeVarUint8Array(garbage, new Uint8Array([7, 1, 200, 3, 99, 4, 1, 1, 1, 250, 250, 250]));
    const frames: Array<[string, Uint8Array, number]> = [
      ['a sync update that does not decode', encoding.toUint8Array(garbage), 1007],
      ['random bytes', new Uint8Array([255, 254, 1, 2, 3, 4, 5]), 1007],
      ['an oversized frame', new Uint8Array(MAX_MESSAGE_BYTES + 1024).fill(1), 1009],
    ];
    for (const [, frame, expectedCode] of frames) {
      const ws = new WebSocket(`${server.wsUrl}/${ladder.draftDocument}`, {
        headers: { cookie: admin.cookie },
      });
      await new Promise((r, j) => {
        ws.once('open', r);
        ws.once('error', j);
      });
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
      );
      ws.send(frame);
      const { code, reason } = await closed;
      expect(code).toBe(expectedCode);
      if (expectedCode === 1007) expect(reason).toMatch(/malformed message/i);
    }

    expect(bystander.provider.wsconnected).toBe(true);
    typeIntoCell(bystander.doc, 'L1', 'C2', ' Still editing.');
    const after = await waitFor(async () => {
      const c = await fetchContent(admin, ladder.draftDocument);
      return cellText(c, 'L1', 'C2').includes('Still editing.') ? c : null;
    });
    expect(cellText(after, 'L1', 'C2')).toBe('Before the attack. Still editing.');
    expect({ ...after, cells: {} }).toEqual({ ...before, cells: {} });
    expect(bystander.remoteUpdates).toBe(updatesBefore);
  });
});
