import * as Y from 'yjs';
import { writeLadderContent } from '@rungs/shared';
import { cpuBetween, cpuSnapshot, type CpuSnapshot, type CpuUse } from './cpu.ts';
import { connectEditor, type ClientKind } from './clients.ts';
import { LOCAL, waitFor, type Editor } from './editor.ts';
import { benchLadder, caretText, cellForEditor } from './ladder.ts';
import type { BenchServer } from './servers/index.ts';
import type { LatencySummary } from './stats.ts';
import { DeliveryTracker } from './tracker.ts';

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
  /** Typing time, warm-up included. */
  durationMs: number;
  /** Keystrokes typed in the first `warmupMs` are not measured. */
  warmupMs: number;
  /** Move the awareness cursor on every keystroke, as an editor's caret plugin does. */
  awareness: boolean;
  /** How long to wait for the last keystrokes to arrive everywhere. */
  drainMs: number;
}

export type LatencyOptions = Scenario & LatencySettings;

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
  /** Deliveries still outstanding `drainMs` after typing stopped. */
  notArrived: number;
  latencyMs: LatencySummary;
  keystrokesPerSecond: number;
  deliveriesPerSecond: number;
  /** CPU use during the measured window, in cores (1 = one core fully busy). */
  cpuCores: CpuUse;
  connectMs: number;
}

/**
 * N editors and one observer join the same ladder; every editor types into its cell at a steady
 * random rate and moves its awareness cursor; every keystroke is timed to every other client.
 */
export async function runLatency(server: BenchServer, options: LatencyOptions): Promise<LatencyResult> {
  const content = benchLadder();
  const document = await server.createDocument(content);
  const tracker = new DeliveryTracker();
  const clients: Editor[] = [];
  const connectStart = performance.now();
  try {
    // The observer joins first; on the reference servers it brings the ladder into the empty room.
    const observerDoc = new Y.Doc();
    if (!document.seeded) writeLadderContent(observerDoc, content);
    const observer = connectEditor(options.clients, server, document, tracker, observerDoc);
    clients.push(observer);
    await waitFor(() => observer.isSynced(), 'the observer to sync');

    const editors: Editor[] = [];
    for (let i = 0; i < options.editors; i += 10) {
      const batch = Array.from({ length: Math.min(10, options.editors - i) }, () =>
        connectEditor(options.clients, server, document, tracker),
      );
      editors.push(...batch);
      clients.push(...batch);
      await waitFor(() => batch.every((e) => e.isSynced()), 'editors to sync');
    }
    await waitFor(
      () => editors.every((e, i) => e.doc.getXmlFragment(cellForEditor(i)).length > 0),
      'editors to receive the ladder',
    );
    editors.forEach((e, i) =>
      e.awareness.setLocalStateField('user', {
        name: `Editor ${i + 1}`,
        color: `hsl(${(i * 37) % 360} 70% 45%)`,
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const connectMs = performance.now() - connectStart;

    const start = performance.now();
    const measureFrom = start + options.warmupMs;
    const end = start + options.durationMs;
    const cpu: CpuSnapshot[] = [];
    const snapshot = () => cpu.push(cpuSnapshot(() => server.cpuSeconds()));
    const cpuTimers = [setTimeout(snapshot, options.warmupMs), setTimeout(snapshot, options.durationMs)];

    const typing = editors.map(
      (editor, i) =>
        new Promise<void>((resolve) => {
          const text = caretText(editor.doc, cellForEditor(i));
          let n = 0;
          const keystroke = () => {
            const now = performance.now();
            if (now >= end) return resolve();
            editor.doc.transact(() => text.insert(text.length, LETTERS[n++ % LETTERS.length]!), LOCAL);
            const clock = Y.getState(editor.doc.store, editor.doc.clientID);
            tracker.recordKeystroke(editor.doc.clientID, clock, now, now >= measureFrom);
            if (options.awareness) {
              const caret = Y.relativePositionToJSON(
                Y.createRelativePositionFromTypeIndex(text, text.length),
              );
              editor.awareness.setLocalStateField('cursor', { anchor: caret, head: caret });
            }
            setTimeout(keystroke, nextInterval(options));
          };
          setTimeout(keystroke, Math.random() * options.maxIntervalMs);
        }),
    );
    await Promise.all(typing);
    await waitFor(() => cpu.length === 2, 'the CPU snapshots');
    cpuTimers.forEach(clearTimeout);
    await waitFor(
      () => tracker.samples.count >= tracker.expectedDeliveries,
      'the last keystrokes to arrive',
      options.drainMs,
    ).catch(() => {});
    const measuredSeconds = (end - measureFrom) / 1000;
    const deliveries = tracker.samples.count;
    return {
      server: server.id,
      scenario: {
        editors: options.editors,
        minIntervalMs: options.minIntervalMs,
        maxIntervalMs: options.maxIntervalMs,
        clients: options.clients,
      },
      observers: 1,
      measuredSeconds,
      keystrokes: tracker.measuredKeystrokes,
      expectedDeliveries: tracker.expectedDeliveries,
      deliveries,
      notArrived: Math.max(0, tracker.expectedDeliveries - deliveries),
      latencyMs: tracker.samples.summary(),
      keystrokesPerSecond: tracker.measuredKeystrokes / measuredSeconds,
      deliveriesPerSecond: deliveries / measuredSeconds,
      cpuCores: cpuBetween(cpu[0]!, cpu[1]!),
      connectMs,
    };
  } finally {
    for (const c of clients) c.destroy();
  }
}

const LETTERS = 'expect clear written ownership ';

function nextInterval(options: LatencyOptions): number {
  return options.minIntervalMs + Math.random() * (options.maxIntervalMs - options.minIntervalMs);
}
