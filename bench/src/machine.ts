import os from 'node:os';

export interface MachineNote {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** 1-minute load average when the run started and ended (other people's work shows here). */
  loadAverageStart: number;
  loadAverageEnd?: number;
  /** The scheduling priority the bench and its servers ran at (see priority.ts). */
  priority?: string;
}

export function machineNote(): MachineNote {
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    loadAverageStart: os.loadavg()[0]!,
  };
}
