import type { BenchServer } from '../servers/index.ts';
import { Samples, type LatencySummary } from '../stats.ts';
import { waitFor } from '../editor.ts';

/** Between answers: back to back, the probe and the server's answers took most of the 2 cores. */
const PAUSE_MS = 5;

/**
 * Asks a server process a trivial HTTP question over and over (one at a time) and times each
 * answer: its longest answer is how long its event loop was blocked meanwhile, to within one
 * request. Rungs: `GET /api/health` (touches no database); Hocuspocus: `GET /` (its welcome text).
 */
export class ResponsivenessProbe {
  private readonly samples = new Samples();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(url: string) {
    this.loop = (async () => {
      while (this.running) {
        const started = performance.now();
        try {
          await (await fetch(url)).arrayBuffer();
        } catch {
          continue;
        }
        this.samples.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    })();
  }

  async stop(): Promise<LatencySummary> {
    this.running = false;
    await this.loop;
    return this.samples.summary();
  }
}

/** The URL the probe asks a server: derived from its websocket URL (same port). */
export function probeUrl(server: BenchServer): string {
  const base = server.wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
  return server.id === 'rungs' ? `${base}/api/health` : `${base}/`;
}

/**
 * The longest the bench process's own event loop was blocked while `fn` ran, in ms: a 1 ms
 * interval timer records the longest gap between two of its ticks (less its own 1 ms).
 */
export async function longestBlock<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; blockMs: number }> {
  let last = performance.now();
  let longest = 0;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  };
  const timer = setInterval(tick, 1);
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  // One more tick, so a block that ended the call is counted.
  await new Promise((r) => setTimeout(r, 2));
  clearInterval(timer);
  tick();
  return { result, ms, blockMs: Math.min(ms, longest) };
}

export interface GcFigures {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** A full GC in a server started with `gcOnSignal`, and its memory after it (see gc-on-signal.ts). */
export async function forceGc(server: BenchServer): Promise<GcFigures> {
  const lines = () => (server.output?.() ?? '').split('\n').filter((l) => l.startsWith('[gc '));
  const before = lines().length;
  process.kill(server.pid(), 'SIGUSR2');
  await waitFor(() => lines().length > before, 'the server to report its GC', 10_000);
  return JSON.parse(
    lines()
      .at(-1)!
      .replace(/^\[gc \d+\] /, ''),
  ) as GcFigures;
}
