import fs from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds; 0 when /proc is unavailable. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSnapshot {
  at: number;
  server: number;
  client: number;
  /** Busy CPU seconds of the whole machine (every process, all cores). */
  machine: number;
}

export function cpuSnapshot(serverCpuSeconds: () => number): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    at: performance.now(),
    server: serverCpuSeconds(),
    client: (usage.user + usage.system) / 1e6,
    machine: machineBusySeconds(),
  };
}

export interface CpuUse {
  /** Cores busy on average over the window (1 = one core fully used). */
  server: number;
  client: number;
  /** Everything else on the machine: other servers, other people's processes, the kernel. */
  other: number;
}

/** Adds up CPU use over the measured stretches of one server's typing. */
export class CpuMeter {
  private server = 0;
  private client = 0;
  private machine = 0;
  private ms = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly serverCpuSeconds: () => number) {}

  /** Counts the stretch between two `performance.now()` times (the end may be in the future). */
  measureBetween(from: number, to: number): void {
    const at = (time: number) => new Promise((r) => setTimeout(r, Math.max(0, time - performance.now())));
    this.pending = (async () => {
      await at(from);
      const a = cpuSnapshot(this.serverCpuSeconds);
      await at(to);
      const b = cpuSnapshot(this.serverCpuSeconds);
      this.server += b.server - a.server;
      this.client += b.client - a.client;
      this.machine += b.machine - a.machine;
      this.ms += b.at - a.at;
    })();
  }

  settled(): Promise<void> {
    return this.pending;
  }

  get seconds(): number {
    return this.ms / 1000;
  }

  use(): CpuUse {
    const s = this.seconds;
    return {
      server: this.server / s,
      client: this.client / s,
      other: Math.max(0, (this.machine - this.server - this.client) / s),
    };
  }
}

function machineBusySeconds(): number {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const busy = ticks.slice(0, 8).reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0);
    return busy / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
