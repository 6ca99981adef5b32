import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './wait.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  port: number;
  url: string;
  wsUrl: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flush. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `rungs serve` as a real child process, as users run it. */
export async function startServer(options: {
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  args?: string[];
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli.ts', 'serve', ...(options.args ?? [])],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: options.databaseUrl,
        LOG_LEVEL: process.env.RUNGS_TEST_LOG_LEVEL ?? 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) return true;
        const res = await fetch(`${url}/api/health`);
        return res.ok;
      },
      { timeoutMs: 60_000, intervalMs: 50, message: 'the server to answer /api/health' },
    );
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output}`);
  }
  return {
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    child,
    output: () => output,
    async kill9() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
