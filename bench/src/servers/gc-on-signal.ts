/**
 * Preloaded into a server (with --expose-gc) when the bench measures its memory: on SIGUSR2 it
 * runs a full garbage collection and prints one line with its memory after it, which `forceGc`
 * waits for. Nothing else changes in the server.
 */
let collections = 0;
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  collections++;
  process.stderr.write(
    `[gc ${collections}] ${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
});
