/**
 * `pnpm bench:browser`: the editor in Chromium on a 20-level × 40-competency ladder with text in
 * every cell. Measures first render and first editable cell after navigation, then typing in a
 * cell while 10 other editors type in the same document: keystroke to painted text in this
 * browser, and to painted text in a second browser. Prints the figures against the goals and
 * writes bench/results/<date>-browser.{json,md}. Not part of the test suite.
 *
 * Options: --runs 3 (page opens), --keys 80 (measured keystrokes), --others 10, --no-build,
 * --no-write, --profile (CPU profile of the typing browser), --trace (its main thread by event),
 * --css FILE (a style sheet added to every page, to try CSS without a rebuild), --park-mouse (the
 * typing browser's mouse moved to the page's corner after its click: what hover hit tests cost).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// The tests' launcher: Debian's Chromium, headless, with everything that phones home turned off.
import { launchBrowser } from '../../tests/helpers/browser.ts';
import {
  caretText,
  LARGE_COMPETENCIES as COMPETENCIES,
  LARGE_LEVELS as LEVELS,
  largeLadder,
} from './ladder.ts';
import { connectProviderEditor } from './clients.ts';
import { LOCAL, waitFor, type Editor } from './editor.ts';
import { traceMainThread } from './browser-trace.ts';
import { profileSummary } from './cpu-profile.ts';
import { machineNote } from './machine.ts';
import { markdownTable, ms, textTable } from './report.ts';
import { REPO_ROOT } from './servers/process.ts';
import { startRungs } from './servers/rungs.ts';
import { percentile } from './stats.ts';

// Each provider registers a process exit listener; 10 editors and more are expected here.
process.setMaxListeners(50);

const EMAIL = 'bench@example.com';
const PASSWORD = 'bench horse battery staple';
const MEASURED_CELL = 'cell:L1:C1';

interface Options {
  runs: number;
  keys: number;
  others: number;
  build: boolean;
  write: boolean;
  /** Record a CPU profile of the typing browser and print where its time went. */
  profile: boolean;
  /** Record a performance trace of the typing browser and print its main thread's time by event. */
  trace: boolean;
  /** A style sheet added to every page of the app: to try a CSS change without a rebuild. */
  css: string | null;
  /** Move the typing browser's mouse off the page after the click that focuses the cell. */
  parkMouse: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return {
    runs: value('runs', 3),
    keys: value('keys', 80),
    others: value('others', 10),
    build: !argv.includes('--no-build'),
    write: !argv.includes('--no-write'),
    profile: argv.includes('--profile'),
    trace: argv.includes('--trace'),
    css: argv.includes('--css') ? fs.readFileSync(argv[argv.indexOf('--css') + 1]!, 'utf8') : null,
    parkMouse: argv.includes('--park-mouse'),
  };
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Ladders', level: 1 }).waitFor();
}

/**
 * Opens the ladder and times, from navigation start: every cell's text rendered, and a click on a
 * cell turned into a focused editor.
 */
async function measureOpen(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  const rendered = await page.waitForFunction(
    (count) => {
      const cells = document.querySelectorAll('td.cell [data-fragment^="cell:"]');
      if (cells.length < count) return false;
      const last = cells[cells.length - 1]!;
      return (last.textContent ?? '').length > 0 ? performance.now() : false;
    },
    LEVELS * COMPETENCIES,
    { polling: 'raf', timeout: 60_000 },
  );
  const renderedAt = (await rendered.jsonValue()) as number;
  // Timed from the page's own mousedown: Playwright's click first spends 200 ms and more on its
  // checks (scrolled into view, stable over two frames, hit by the pointer), which no user waits for.
  await page.evaluate(() => {
    const w = window as unknown as { __mousedownAt?: number };
    document.addEventListener('mousedown', () => (w.__mousedownAt ??= performance.now()), {
      capture: true,
      once: true,
    });
  });
  await page.locator(`[data-fragment="${MEASURED_CELL}"] .rt-static`).click();
  const editable = await page.waitForFunction(
    (name) =>
      document.querySelector(`[data-fragment="${name}"] .ProseMirror[contenteditable="true"]`) ===
      document.activeElement
        ? performance.now()
        : false,
    MEASURED_CELL,
    { polling: 'raf', timeout: 30_000 },
  );
  const focusedAt = (await editable.jsonValue()) as number;
  const mousedownAt = await page.evaluate(
    () => (window as unknown as { __mousedownAt: number }).__mousedownAt,
  );
  const clickToFocus = focusedAt - mousedownAt;
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  // Editable: a click the moment the matrix is rendered, answered by a focused editor.
  return { renderedAt, editableAt: renderedAt + clickToFocus, clickToFocus, nodes };
}

/**
 * In the page: each keydown's time, and each painted change of the cell's text (the frame after
 * the DOM changed), as epoch milliseconds so that two pages can be compared.
 */
function installPaintProbe(page: Page, selector: string): Promise<void> {
  return page.evaluate((sel) => {
    const w = window as unknown as {
      __keys: number[];
      __paints: { at: number; length: number }[];
    };
    w.__keys = [];
    w.__paints = [];
    const epoch = () => performance.timeOrigin + performance.now();
    document.addEventListener('keydown', () => w.__keys.push(epoch()), true);
    const channel = new MessageChannel();
    let pendingLength = -1;
    channel.port1.onmessage = () => {
      w.__paints.push({ at: epoch(), length: pendingLength });
    };
    const target = document.querySelector(sel)!;
    const observer = new MutationObserver(() => {
      pendingLength = (target.textContent ?? '').length;
      const length = pendingLength;
      // The callback of the next frame runs before it is painted; the message after it, after.
      requestAnimationFrame(() => {
        pendingLength = length;
        channel.port2.postMessage(null);
      });
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true });
  }, selector);
}

/** For each keystroke i (text length base+i+1), the first painted frame that shows it. */
function keystrokeLatencies(
  keys: number[],
  paints: { at: number; length: number }[],
  baseLength: number,
): number[] {
  return keys.map((at, i) => {
    const paint = paints.find((p) => p.length >= baseLength + i + 1 && p.at >= at);
    return paint ? paint.at - at : NaN;
  });
}

function summary(values: number[]) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    samples: sorted.length,
    missing: values.length - sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Other editors typing into other cells at 2 edits/s each, over real providers. */
function startOtherEditors(wsUrl: string, document: { name: string; cookie?: string }, count: number) {
  const editors: Editor[] = [];
  const timers: NodeJS.Timeout[] = [];
  for (let i = 0; i < count; i++) {
    const editor = connectProviderEditor({ protocol: 'y-websocket', wsUrl }, { ...document, seeded: true });
    editors.push(editor);
    const fragment = `cell:L${2 + (i % (LEVELS - 1))}:C${2 + i}`;
    timers.push(
      setInterval(() => {
        if (!editor.isSynced()) return;
        editor.doc.transact(() => {
          const text = caretText(editor.doc, fragment);
          text.insert(text.length, 'x');
        }, LOCAL);
      }, 500),
    );
  }
  return {
    ready: () => waitFor(() => editors.every((e) => e.isSynced()), 'the other editors to sync', 30_000),
    stop() {
      for (const t of timers) clearInterval(t);
      for (const e of editors) e.destroy();
    },
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = machineNote();
  if (options.build) {
    console.log('Building the web app (production)…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const server = await startRungs();
  const baseUrl = server.wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '');
  const ladderDoc = await server.createDocument(largeLadder());
  const ladders = (await (
    await fetch(`${baseUrl}/api/ladders`, { headers: { cookie: ladderDoc.cookie! } })
  ).json()) as { ladders: { slug: string; draftDocument: string | null }[] };
  const slug = ladders.ladders.find((l) => l.draftDocument === ladderDoc.name)!.slug;
  const url = `/ladders/${slug}`;

  let browser: Browser | undefined;
  const others = startOtherEditors(server.wsUrl, ladderDoc, options.others);
  try {
    browser = await launchBrowser();
    const newPage = async () => {
      const context = await browser!.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
      // tsx compiles with esbuild's keepNames: functions sent to the page call its `__name`.
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      if (options.css !== null) {
        await context.addInitScript((css) => {
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = css;
            document.head.append(style);
          });
        }, options.css);
      }
      const page = await context.newPage();
      await signIn(page);
      return page;
    };

    // Opening: a fresh page per run (the server's room stays loaded, as for a second reader).
    const opens = [];
    for (let run = 0; run < options.runs; run++) {
      const page = await newPage();
      opens.push(await measureOpen(page, url));
      await page.context().close();
    }

    // Typing: one writer, one reader, while the other editors type elsewhere in the document.
    await others.ready();
    const writer = await newPage();
    const reader = await newPage();
    await measureOpen(writer, url);
    await reader.goto(url);
    const readerCell = `[data-fragment="${MEASURED_CELL}"]`;
    await reader.locator(readerCell).waitFor();
    const baseLength = ((await reader.locator(readerCell).textContent()) ?? '').length;
    await writer.keyboard.press('End');
    if (options.parkMouse) await writer.mouse.move(0, 0);
    await installPaintProbe(writer, `[data-fragment="${MEASURED_CELL}"] .ProseMirror`);
    await installPaintProbe(reader, readerCell);
    const text = 'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(options.keys / 26)).slice(0, options.keys);
    const cdp = options.profile ? await writer.context().newCDPSession(writer) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const typeText = () => writer.keyboard.type(text, { delay: 120 });
    if (options.trace)
      console.log(
        '\n' + (await traceMainThread(browser, writer, typeText, { count: text.length, unit: 'key' })),
      );
    else await typeText();
    if (cdp)
      console.log(
        '\n' +
          profileSummary(
            (await cdp.send('Profiler.stop')).profile,
            'Where the typing browser spent its time',
          ),
      );
    await reader.waitForFunction(
      ({ sel, length }) => (document.querySelector(sel)?.textContent ?? '').length >= length,
      { sel: readerCell, length: baseLength + options.keys },
      { timeout: 30_000 },
    );
    type Probe = { __keys: number[]; __paints: { at: number; length: number }[] };
    const written = await writer.evaluate(() => (window as unknown as Probe).__paints);
    const keys = await writer.evaluate(() => (window as unknown as Probe).__keys);
    const read = await reader.evaluate(() => (window as unknown as Probe).__paints);
    const writerBase = (written[0]?.length ?? baseLength + 1) - 1;
    const local = summary(keystrokeLatencies(keys, written, writerBase));
    const remote = summary(keystrokeLatencies(keys, read, baseLength));

    // The floor of this measure: the same probe on a bare contenteditable in the same browser.
    const bare = await newPage();
    await bare.setContent('<div contenteditable id="bare" style="font: 16px sans-serif">Start</div>');
    await bare.focus('#bare');
    await bare.keyboard.press('End');
    await installPaintProbe(bare, '#bare');
    await bare.keyboard.type(text, { delay: 120 });
    const bareKeys = await bare.evaluate(() => (window as unknown as Probe).__keys);
    const barePaints = await bare.evaluate(() => (window as unknown as Probe).__paints);
    const floor = summary(keystrokeLatencies(bareKeys, barePaints, 'Start'.length));
    await bare.context().close();

    // Scrolling the editor: frame times over a scroll through the matrix.
    const frames = await writer.evaluate(async () => {
      const scroller = document.scrollingElement!;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        await new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            const now = performance.now();
            times.push(now - last);
            last = now;
            scroller.scrollBy(0, 60);
            resolve();
          }),
        );
      }
      return times;
    });
    const scroll = summary(frames);
    report({
      options,
      machine: { ...machine, loadAverageEnd: (await import('node:os')).loadavg()[0] },
      opens,
      local,
      remote,
      floor,
      scroll,
    });
  } finally {
    others.stop();
    await browser?.close();
    await server.stop();
  }

  function report(result: {
    options: Options;
    machine: ReturnType<typeof machineNote>;
    opens: Awaited<ReturnType<typeof measureOpen>>[];
    local: ReturnType<typeof summary>;
    remote: ReturnType<typeof summary>;
    floor: ReturnType<typeof summary>;
    scroll: ReturnType<typeof summary>;
  }) {
    const { opens, local, remote, floor, scroll } = result;
    const worst = (pick: (o: (typeof opens)[number]) => number) => Math.max(...opens.map(pick));
    const goal = (value: number, limit: number) =>
      `${value <= limit ? 'met' : 'not met'} (goal < ${limit} ms)`;
    const header = ['measure', 'value', 'goal'];
    const rows = [
      [
        'first render (all 800 cells), per run',
        opens.map((o) => ms(o.renderedAt)).join(' / ') + ' ms',
        goal(
          worst((o) => o.renderedAt),
          500,
        ),
      ],
      [
        'first editable cell, per run',
        opens.map((o) => ms(o.editableAt)).join(' / ') + ' ms',
        goal(
          worst((o) => o.editableAt),
          1000,
        ),
      ],
      ['mousedown to focused editor, per run', opens.map((o) => ms(o.clickToFocus)).join(' / ') + ' ms', ''],
      ['DOM nodes on the editor page', String(opens[0]?.nodes ?? '-'), ''],
      [
        `local typing p50 / p99 / max (${local.samples} keys)`,
        `${ms(local.p50)} / ${ms(local.p99)} / ${ms(local.max)} ms`,
        goal(local.p99, 16),
      ],
      [
        `remote typing p50 / p99 / max (${remote.samples} keys, ${result.options.others} other editors)`,
        `${ms(remote.p50)} / ${ms(remote.p99)} / ${ms(remote.max)} ms`,
        goal(remote.p99, 50),
      ],
      [
        'floor: the same probe on a bare contenteditable, p50 / p99',
        `${ms(floor.p50)} / ${ms(floor.p99)} ms`,
        '',
      ],
      [
        'scroll frame p50 / p95 / max (120 frames)',
        `${ms(scroll.p50)} / ${ms(scroll.p95)} / ${ms(scroll.max)} ms`,
        '',
      ],
    ];
    const m = result.machine;
    const machineLine = `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${browser?.version() ?? '?'}; load average ${m.loadAverageStart.toFixed(2)} at start, ${(m.loadAverageEnd ?? NaN).toFixed(2)} at end`;
    console.log(textTable(header, rows, 1));
    console.log(`\n${machineLine}`);
    if (!result.options.write) return;
    const date = new Date().toISOString().slice(0, 10);
    const dir = path.join(REPO_ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${date}-browser.json`), JSON.stringify(result, null, 2) + '\n');
    fs.writeFileSync(
      path.join(dir, `${date}-browser.md`),
      `# Browser: a ${LEVELS} × ${COMPETENCIES} ladder in Chromium (${date})\n\n` +
        'Production build, headless Chromium at 1440 × 900, text in all 800 cells; typing at one key per ' +
        `120 ms while ${result.options.others} other editors type elsewhere in the document (2 edits/s each). ` +
        '"Painted" is the frame after the DOM changed (requestAnimationFrame, then a message).\n\n' +
        markdownTable(header, rows, 1) +
        `\n\n${machineLine}\n`,
    );
    console.log(`Wrote bench/results/${date}-browser.{json,md}`);
  }
}

await main();
