import fs from 'node:fs';

/** VmRSS of a process in MiB (from /proc/<pid>/status); NaN when it is gone or /proc is absent. */
export function rssMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kB ? Number(kB) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export interface RssFigures {
  /** Resident memory, MiB. */
  startMiB: number;
  peakMiB: number;
  endMiB: number;
}

/** Samples the resident memory of some processes every `intervalMs` until stopped. */
export class RssSampler {
  private readonly figures = new Map<string, RssFigures>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly processes: Record<string, () => number>,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.processes)) {
      const now = rssMiB(pid());
      if (!Number.isFinite(now)) continue;
      const f = this.figures.get(name);
      if (!f) this.figures.set(name, { startMiB: now, peakMiB: now, endMiB: now });
      else {
        f.peakMiB = Math.max(f.peakMiB, now);
        f.endMiB = now;
      }
    }
  }

  /** Takes a last sample and stops; per process: at the start, the peak, at the end. */
  stop(): Record<string, RssFigures> {
    this.sample();
    clearInterval(this.timer);
    return Object.fromEntries(this.figures);
  }
}
