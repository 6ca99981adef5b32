/**
 * Child process: Hocuspocus 4 with its defaults (debounce 2000 ms, maxDebounce 10000 ms,
 * flushDelay 0: broadcasts coalesced per event-loop turn) and its own SQLite extension
 * (@hocuspocus/extension-sqlite, better-sqlite3), storing the whole document on each store.
 * Env: PORT, BENCH_SQLITE (file; unset = no persistence extension).
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const file = process.env.BENCH_SQLITE;

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions: file ? [new SQLite({ database: file })] : [],
});
await server.listen();
