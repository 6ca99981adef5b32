import type { ClientKind } from './clients.ts';
import { CpuMeter, type CpuUse } from './cpu.ts';
import { TypingRoom } from './room.ts';
import type { BenchServer } from './servers/index.ts';
import type { LatencySummary } from './stats.ts';

/** Who types how fast: one row of the results. */
export interface Scenario {
  editors: number;
  /** Each editor waits a uniform random time in [min, max] between keystrokes. */
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Real providers, or the lean raw client (see raw-client.ts). */
  clients: ClientKind;
}

export interface LatencySettings {
  /** Typing time per server, warm-up included. */
  durationMs: number;
  /** Each server's first `warmupMs` of typing is not measured. */
  warmupMs: number;
  /** The servers take turns in this many rounds (slices of durationMs / rounds each). */
  rounds: number;
  /** Move the awareness cursor on every keystroke, as an editor's caret plugin does. */
  awareness: boolean;
  /** After a slice, wait at most this long for its keystrokes to arrive before the next server types. */
  sliceDrainMs: number;
  /** At the end, how long to wait for the last keystrokes to arrive everywhere. */
  drainMs: number;
}

export interface LatencyResult {
  server: string;
  /** Which row of the run (the same scenario may be listed more than once). */
  row?: number;
  scenario: Scenario;
  /** Passive connections that only watch (one, so that a single editor has someone to reach). */
  observers: number;
  measuredSeconds: number;
  keystrokes: number;
  expectedDeliveries: number;
  deliveries: number;
  /** Deliveries still outstanding `drainMs` after the last slice. */
  notArrived: number;
  latencyMs: LatencySummary;
  keystrokesPerSecond: number;
  deliveriesPerSecond: number;
  /** CPU use while measured keystrokes were typed, in cores (1 = one core fully busy). */
  cpuCores: CpuUse;
}

/**
 * One row: every server gets its own room of N editors and an observer, all connected for the
 * whole row; the servers then take turns typing in short slices, the order rotating each round,
 * so that whatever else the machine is doing falls on all of them alike.
 */
export async function runLatencyRow(
  servers: BenchServer[],
  scenario: Scenario,
  settings: LatencySettings,
  log: (msg: string) => void = () => {},
): Promise<LatencyResult[]> {
  const rooms: TypingRoom[] = [];
  try {
    const joinStart = performance.now();
    for (const server of servers) {
      rooms.push(await TypingRoom.join(server, scenario.editors, scenario.clients));
    }
    const joinMs = performance.now() - joinStart;
    let drainMs = 0;
    const meters = rooms.map((room) => new CpuMeter(() => room.server.cpuSeconds()));
    const sliceMs = settings.durationMs / settings.rounds;
    for (let round = 0; round < settings.rounds; round++) {
      for (let k = 0; k < rooms.length; k++) {
        const i = (round + k) % rooms.length;
        const room = rooms[i]!;
        const meter = meters[i]!;
        const start = performance.now();
        const measureFrom = start + Math.max(0, settings.warmupMs - room.typedMs);
        const endsAt = start + sliceMs;
        if (measureFrom < endsAt) meter.measureBetween(measureFrom, endsAt);
        await room.type({ ...scenario, awareness: settings.awareness, endsAt, measureFrom });
        await meter.settled();
        const drainStart = performance.now();
        const caughtUp = await room.drain(settings.sliceDrainMs);
        drainMs += performance.now() - drainStart;
        if (!caughtUp) log(`  ${room.server.label} is behind after round ${round + 1}`);
      }
    }
    for (const room of rooms) await room.drain(settings.drainMs);
    log(
      `  joining took ${(joinMs / 1000).toFixed(1)} s, waiting between slices ${(drainMs / 1000).toFixed(1)} s`,
    );
    return rooms.map((room, i) => resultOf(room, scenario, meters[i]!));
  } finally {
    for (const room of rooms) room.destroy();
  }
}

function resultOf(room: TypingRoom, scenario: Scenario, meter: CpuMeter): LatencyResult {
  const { tracker } = room;
  const measuredSeconds = meter.seconds;
  const deliveries = tracker.samples.count;
  return {
    server: room.server.id,
    scenario,
    observers: 1,
    measuredSeconds,
    keystrokes: tracker.measuredKeystrokes,
    expectedDeliveries: tracker.expectedDeliveries,
    deliveries,
    notArrived: Math.max(0, tracker.expectedDeliveries - deliveries),
    latencyMs: tracker.samples.summary(),
    keystrokesPerSecond: tracker.measuredKeystrokes / measuredSeconds,
    deliveriesPerSecond: deliveries / measuredSeconds,
    cpuCores: meter.use(),
  };
}
