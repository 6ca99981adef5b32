/**
 * Child process: Hocuspocus 3 with its default configuration (debounce 2000 ms, maxDebounce
 * 10000 ms) and the Database extension storing the whole document into SQLite, the way
 * @hocuspocus/extension-sqlite does (same table and upsert), through better-sqlite3.
 * Env: PORT, BENCH_SQLITE (file; unset = no persistence extension).
 */
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import SQLite from 'better-sqlite3';

const port = Number(process.env.PORT);
const file = process.env.BENCH_SQLITE;

function sqliteExtension(path: string): Database {
  const db = new SQLite(path);
  db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
    "name" varchar(255) NOT NULL,
    "data" blob NOT NULL,
    UNIQUE(name)
  )`);
  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM "documents" WHERE name = ?');
  const upsert = db.prepare<{ name: string; data: Buffer }>(
    'INSERT INTO "documents" ("name", "data") VALUES (@name, @data) ON CONFLICT(name) DO UPDATE SET data = @data',
  );
  return new Database({
    fetch: async ({ documentName }) => {
      const row = select.get(documentName);
      return row ? new Uint8Array(row.data) : null;
    },
    store: async ({ documentName, state }) => {
      upsert.run({ name: documentName, data: state });
    },
  });
}

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: file ? [sqliteExtension(file)] : [],
});
await server.listen();
