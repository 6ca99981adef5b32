/**
 * `pnpm bench:imports`: import time against input size for every pathological shape (100 KB, 300 KB,
 * 1 MB) and the ratio of 1 MB to 100 KB (linear is about 10×). Each parse runs in the server's own
 * import pool, timed inside the worker; one over the budget is stopped and shown as "> budget".
 * Writes bench/results/<date>-imports.{json,md}. Options: --budget-ms N, --sizes 100000,300000,
 * --only TEXT (shapes whose name contains it), --no-write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathologicalShapes } from '@rungs/shared/import/testing/pathological';
import { ImportPool, ImportTooComplex } from '@rungs/server/imports/import-pool';
import { machineNote } from './machine.ts';

const { values } = parseArgs({
  options: {
    'budget-ms': { type: 'string', default: '30000' },
    sizes: { type: 'string', default: `${100 * 1024},${300 * 1024},${1024 * 1024}` },
    only: { type: 'string' },
    'no-write': { type: 'boolean' },
  },
});
const budgetMs = Number(values['budget-ms']);
const sizes = values.sizes.split(',').map(Number);

interface Measurement {
  bytes: number;
  /** Parse time inside the worker; null when the budget ran out. */
  ms: number | null;
  outcome: string;
}
interface ShapeResult {
  shape: string;
  measurements: Measurement[];
  /** Time at the largest size over time at the smallest; a lower bound when the largest ran out. */
  ratio: number | null;
  ratioIsLowerBound: boolean;
}

const pool = new ImportPool({
  timeoutMs: budgetMs,
  workers: 1,
  warmWorkers: 1,
  queue: 1,
  workerMemoryMb: 2048,
});
const machine = machineNote();
const started = performance.now();
const results: ShapeResult[] = [];

async function measure(text: string, filename: string | undefined): Promise<Measurement> {
  try {
    const outcome = await pool.runTask({ input: text, options: filename ? { filename } : {} });
    const result = outcome.ok ? 'ladder' : outcome.error.code;
    return { bytes: text.length, ms: outcome.parseMs, outcome: result };
  } catch (err) {
    if (err instanceof ImportTooComplex) return { bytes: text.length, ms: null, outcome: 'over budget' };
    throw err;
  }
}

try {
  // Warm-up: the first parse loads the parsers.
  await measure('# L\n\n## L1\n\n### Craft\n\n- Writes code.\n', undefined);
  for (const shape of pathologicalShapes()) {
    if (values.only && !shape.name.includes(values.only)) continue;
    const measurements: Measurement[] = [];
    for (const bytes of sizes) {
      const m = await measure(shape.build(bytes), shape.filename);
      measurements.push(m);
      if (m.outcome === 'over budget') break;
    }
    const first = measurements[0]!.ms;
    const last = measurements.at(-1)!;
    const overBudget = last.ms === null;
    // Stopped early: the largest size would have taken longer than the budget at least.
    const result: ShapeResult = {
      shape: shape.name,
      measurements,
      ratio: first ? (last.ms ?? budgetMs) / Math.max(first, 0.1) : null,
      ratioIsLowerBound: overBudget,
    };
    results.push(result);
    process.stderr.write(
      `${shape.name.padEnd(42)} ${measurements.map((x) => `${kb(x.bytes)}: ${fmtMs(x)} (${x.outcome})`).join(' | ')}` +
        `${result.ratio ? `  ×${result.ratio.toFixed(1)}` : ''}\n`,
    );
  }
} finally {
  await pool.close();
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : `${Math.round(bytes / 1024)} KB`;
}
function fmtMs(m: Measurement): string {
  return m.ms === null ? `> ${budgetMs} ms` : `${m.ms.toFixed(0)} ms`;
}

const date = new Date().toISOString().slice(0, 10);
const report = {
  date,
  command: ['pnpm bench:imports', ...process.argv.slice(2)].join(' '),
  durationSeconds: (performance.now() - started) / 1000,
  machine: { ...machine, loadAverageEnd: (await import('node:os')).loadavg()[0] },
  budgetMs,
  sizes,
  results,
};

const header = [
  'shape',
  ...sizes.map(kb),
  `${kb(sizes.at(-1)!)} / ${kb(sizes[0]!)}`,
  `at ${kb(sizes.at(-1)!)}`,
];
const rows = results.map((r) => {
  const cells = sizes.map((_, i) => (r.measurements[i] ? fmtMs(r.measurements[i]) : '-'));
  const ratio = r.ratio === null ? '-' : `${r.ratioIsLowerBound ? '≥ ' : ''}${r.ratio.toFixed(1)}×`;
  return [r.shape, ...cells, ratio, r.measurements.at(-1)!.outcome];
});
const markdown = [
  `# Import time against input size, ${date}`,
  '',
  `\`${report.command}\`: each document parsed in the server's import pool (one worker thread),`,
  `timed inside the worker; a budget of ${budgetMs} ms stops a parse. Linear time gives a ratio of`,
  `about 10× between 1 MB and 100 KB. ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node},`,
  `load average ${machine.loadAverageStart.toFixed(2)} at the start and ${report.machine.loadAverageEnd!.toFixed(2)} at the end`,
  '(the machine was shared: absolute times are noisy, ratios less so).',
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');

process.stdout.write(markdown);
if (!values['no-write']) {
  const dir = path.resolve(import.meta.dirname, '../results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${date}-imports.json`), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${date}-imports.md`), markdown);
  process.stderr.write(`wrote bench/results/${date}-imports.{json,md}\n`);
}
