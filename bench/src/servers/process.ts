import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { processCpuSeconds } from '../cpu.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const BENCH_ROOT = path.resolve(import.meta.dirname, '../..');
const PROBE = path.join(import.meta.dirname, 'probe.ts');
const GC_ON_SIGNAL = path.join(import.meta.dirname, 'gc-on-signal.ts');

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

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** SIGKILL: no shutdown hooks, no flush. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  /** User + system CPU seconds the process has used so far (from /proc). */
  cpuSeconds(): number;
}

/** Spawns `node --import tsx <script>` and waits until `ready()` answers true. */
export async function spawnServer(options: {
  script: string;
  args?: string[];
  cwd: string;
  env: Record<string, string>;
  ready: () => Promise<boolean>;
  timeoutMs?: number;
  /** Scheduling priority (nice value) for the child; see ServerOptions. */
  priority?: number;
  /** Preload probe.ts and echo its lines. */
  probe?: boolean;
  /** Write a V8 CPU profile of the whole process into this folder when it exits (`node --cpu-prof`). */
  cpuProfileDir?: string;
  /** Run with --expose-gc and preload gc-on-signal.ts (see `ServerOptions.gcOnSignal`). */
  gcOnSignal?: boolean;
}): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(options.probe ? ['--import', PROBE] : []),
      ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
      ...(options.gcOnSignal ? ['--expose-gc', '--import', GC_ON_SIGNAL] : []),
      options.script,
      ...(options.args ?? []),
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (options.priority !== undefined && child.pid) setPriority(child.pid, options.priority);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d: Buffer) => {
    output += d;
    if (options.probe)
      for (const line of String(d).split('\n')) if (line.startsWith('[probe')) console.error(line);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${options.script} exited before it was ready:\n${output}`);
    }
    if (await options.ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script} was not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    child,
    pid,
    output: () => output,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    cpuSeconds: () => processCpuSeconds(pid),
  };
}

/** Sets a process's nice value; false when not permitted (then it keeps running as it was). */
export function setPriority(pid: number, priority: number): boolean {
  try {
    os.setPriority(pid, priority);
    return true;
  } catch {
    return false;
  }
}

export interface ServerOptions {
  /** Where the server stores (default: the OS temp dir, on disk here). */
  dataDir?: string;
  /** Nice value for the server process (the bench raises its own and its servers' priority alike). */
  priority?: number;
  /** Preload the event-loop and GC probe (probe.ts) into the server. */
  probe?: boolean;
  /** Profile the server's CPU into this folder (written when it stops). */
  cpuProfileDir?: string;
  /** Let the bench force a full GC in the server (SIGUSR2; see gc-on-signal.ts and `forceGc`). */
  gcOnSignal?: boolean;
}

/** True once something accepts TCP connections on the port. */
export function tcpReady(port: number): () => Promise<boolean> {
  return () =>
    new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
}
