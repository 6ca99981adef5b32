import WebSocket from 'ws';
import { BENCH_ROOT, freePort, spawnServer, tcpReady } from './servers/process.ts';
import { summarize, type LatencySummary } from './stats.ts';

/**
 * The machine's floor: websocket round trips to a bare `ws` echo server in another process,
 * paced like keystrokes (a quiet loopback round trip pays the wake-up of two idle processes).
 */
export async function measureFloor(pings = 100, maxGapMs = 40): Promise<LatencySummary> {
  const port = await freePort();
  const echo = await spawnServer({
    script: 'src/servers/echo-main.ts',
    cwd: BENCH_ROOT,
    env: { PORT: String(port) },
    ready: tcpReady(port),
  });
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const payload = Buffer.alloc(32, 1);
    const rtts: number[] = [];
    for (let i = 0; i < pings; i++) {
      await new Promise((r) => setTimeout(r, Math.random() * maxGapMs));
      const t = performance.now();
      const back = new Promise((r) => ws.once('message', r));
      ws.send(payload);
      await back;
      rtts.push(performance.now() - t);
    }
    return summarize(rtts);
  } finally {
    ws.close();
    await echo.stop();
  }
}
