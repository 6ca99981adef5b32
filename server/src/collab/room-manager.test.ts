import { loadConfig } from '../config.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { migrateToLatest } from '@rungs/migrations';
import { connectDatabase, type Db } from '../db/connect.ts';
import type { CollabConnection } from './connection.ts';
import { DocumentStore } from './document-store.ts';
import { RoomManager } from './room-manager.ts';

const silent = {
  level: 'silent',
  fatal() {},
  error() {},
  warn() {},
  info() {},
  debug() {},
  trace() {},
  silent() {},
  child() {
    return silent;
  },
} as unknown as FastifyBaseLogger;

function connection(sessionId: string | null, sessionExpiresAt: number | null = null) {
  const conn: CollabConnection & { closed?: { code: number; reason: string } } = {
    id: `conn-${sessionId}`,
    canWrite: true,
    userId: 'user-1',
    userLabel: 'user-1',
    sessionId,
    sessionExpiresAt,
    send() {},
    close(code, reason) {
      conn.closed ??= { code, reason };
    },
  };
  return conn;
}

describe('RoomManager and sessions', () => {
  let db: Db;
  let rooms: RoomManager;

  const start = async () => {
    db = connectDatabase(':memory:');
    await migrateToLatest(db);
    rooms = new RoomManager(
      new DocumentStore(db),
      { ...loadConfig({}).collab, idleUnloadMs: 60_000 },
      silent,
    );
    await rooms.start();
  };

  afterEach(async () => {
    await rooms?.shutdown();
    await db?.destroy();
  });

  it('closes a connection that joins after its session was ended (logout while it was opening)', async () => {
    await start();
    const room = await rooms.acquire('doc-a');
    rooms.closeSessionConnections('ended'); // nothing joined yet
    const late = connection('ended');
    const other = connection('still-valid');
    room.join(late);
    room.join(other);
    await expect
      .poll(() => late.closed, { timeout: 10_000 })
      .toEqual({
        code: 4401,
        reason: 'You signed out. Sign in again to continue.',
      });
    expect(other.closed).toBeUndefined();
  });

  it('closes a connection when its session expires, and only that one', async () => {
    await start();
    const room = await rooms.acquire('doc-b');
    const expiring = connection('short', Date.now() + 200);
    const lasting = connection('long', Date.now() + 3_600_000);
    room.join(expiring);
    room.join(lasting);
    await expect.poll(() => expiring.closed?.reason, { timeout: 10_000 }).toMatch(/session expired/);
    expect(lasting.closed).toBeUndefined();
  });
});
