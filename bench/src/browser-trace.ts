/**
 * Where a page's main thread spends its time, from a Chromium performance trace (the DevTools
 * timeline): total and per-keystroke milliseconds of style, layout, paint, script and the rest.
 */
import type { Browser, Page } from 'playwright-core';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'gpu',
  'toplevel',
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time, µs: unlike `dur`, not stretched when the machine is busy. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: {
    name?: string;
    beginData?: { dirtyObjects?: number; totalObjects?: number };
    elementCount?: number;
    data?: { type?: string };
  };
}

/** Runs `during` under a trace and returns the summary text. */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
  perUnit: { count: number; unit: string },
): Promise<string> {
  await browser.startTracing(page, { categories: CATEGORIES });
  await during();
  const buffer = await browser.stopTracing();
  // For a closer look (chrome://tracing, Perfetto): the whole trace, every thread of every process.
  if (process.env.RUNGS_TRACE_FILE)
    (await import('node:fs')).writeFileSync(process.env.RUNGS_TRACE_FILE, buffer);
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  // Every page of the browser is traced; the one measured is the renderer that got the key presses.
  const renderers = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const keydowns = (thread: TraceEvent) =>
    traceEvents.filter(
      (e) =>
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.name === 'EventDispatch' &&
        e.args?.data?.type === 'keydown',
    ).length;
  const main = renderers.sort((a, b) => keydowns(b) - keydowns(a))[0];
  if (!main) return 'trace: no renderer main thread found';
  const totals = new Map<string, { ms: number; cpuMs: number; count: number }>();
  for (const e of traceEvents) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    const t = totals.get(e.name) ?? { ms: 0, cpuMs: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.cpuMs += (e.tdur ?? 0) / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  // Load-independent work counts: objects laid out, elements restyled, paint events.
  let laidOut = 0;
  let restyled = 0;
  for (const e of traceEvents) {
    if (e.pid !== main.pid || e.tid !== main.tid) continue;
    if (e.name === 'Layout' && e.ph === 'X') laidOut += e.args?.beginData?.dirtyObjects ?? 0;
    if (e.name === 'UpdateLayoutTree' && e.ph === 'X') restyled += e.args?.elementCount ?? 0;
  }
  const per = (n: number) => (n / perUnit.count).toFixed(0);
  // Events nest (a task holds a script run holds a layout); the list is inclusive per name.
  const lines = [
    `Renderer main thread, inclusive ms per event name (per ${perUnit.unit} over ${perUnit.count}):`,
  ];
  lines.push(
    `  per ${perUnit.unit}: ${per(laidOut)} layout objects dirty, ${per(restyled)} elements restyled, ` +
      `${per(totals.get('Paint')?.count ?? 0)} paint events, ${((totals.get('ProxyMain::BeginMainFrame')?.count ?? 0) / perUnit.count).toFixed(1)} frames`,
  );
  for (const [name, t] of [...totals].sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 30))
    lines.push(
      `${t.ms.toFixed(1).padStart(9)}  ${t.cpuMs.toFixed(1).padStart(9)}  ${(t.cpuMs / perUnit.count).toFixed(2).padStart(7)}  ×${String(t.count).padStart(6)}  ${name}`,
    );
  return lines.join('\n');
}
