import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  BENCH_ROOT,
  freePort,
  spawnServer,
  tcpReady,
  type ChildServer,
  type ServerOptions,
} from './process.ts';
import type { BenchDocument, BenchServer } from './types.ts';

/** Hocuspocus 4 (the newest release; it runs on this Node 20 although it asks for 22) in its own process. */
export async function startHocuspocus(options: ServerOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(options.dataDir ?? os.tmpdir(), 'hocuspocus-bench-'));
  const sqliteFile = path.join(dir, 'hocuspocus.sqlite');
  const start = () =>
    spawnServer({
      script: 'src/servers/hocuspocus-main.ts',
      cwd: BENCH_ROOT,
      env: { PORT: String(port), BENCH_SQLITE: sqliteFile },
      priority: options.priority,
      probe: options.probe,
      cpuProfileDir: options.cpuProfileDir,
      gcOnSignal: options.gcOnSignal,
      ready: tcpReady(port),
    });
  let child: ChildServer = await start();
  return {
    id: 'hocuspocus',
    label: 'Hocuspocus 4.7',
    configuration:
      '@hocuspocus/server 4.7.0 with its defaults (debounce 2000 ms, maxDebounce 10000 ms, flushDelay 0: ' +
      'broadcasts batched per event-loop turn) and @hocuspocus/extension-sqlite 4.7.0 (better-sqlite3); ' +
      'clients are @hocuspocus/provider 4.8.0',
    persistence:
      'broadcasts at the end of the event-loop turn; stores the whole document 2 s after the last change (at most every 10 s)',
    protocol: 'hocuspocus',
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: () => child.pid,
    cpuSeconds: () => child.cpuSeconds(),
    async createDocument(): Promise<BenchDocument> {
      return { name: `bench-${randomUUID()}`, seeded: false };
    },
    sqliteFile,
    output: () => child.output(),
    kill9: () => child.kill9(),
    async restart(between) {
      await child.stop();
      await between?.();
      child = await start();
    },
    async stop() {
      await child.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
