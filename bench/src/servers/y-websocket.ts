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

/** The classic y-websocket relay (v1.5.4 `setupWSConnection`) in its own process. */
export async function startYWebsocket(options: ServerOptions = {}): Promise<BenchServer> {
  const port = await freePort();
  const start = () =>
    spawnServer({
      script: 'src/servers/y-websocket-main.ts',
      cwd: BENCH_ROOT,
      env: { PORT: String(port) },
      priority: options.priority,
      probe: options.probe,
      cpuProfileDir: options.cpuProfileDir,
      ready: tcpReady(port),
    });
  let child: ChildServer = await start();
  return {
    id: 'y-websocket',
    label: 'y-websocket 1.5 relay',
    configuration:
      'y-websocket@1.5.4 bin/utils.js setupWSConnection on a ws server (as its bin/server.js), no persistence ' +
      '(YPERSISTENCE unset), gc on; relays every update to every connection, the author included',
    persistence: 'none: memory only',
    protocol: 'y-websocket',
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: () => child.pid,
    cpuSeconds: () => child.cpuSeconds(),
    async createDocument(): Promise<BenchDocument> {
      return { name: `bench-${randomUUID()}`, seeded: false };
    },
    kill9: () => child.kill9(),
    async restart() {
      await child.stop();
      child = await start();
    },
    stop: () => child.stop(),
  };
}
