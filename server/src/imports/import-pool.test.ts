import { isMainThread, threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { isImportError } from '@rungs/shared';
import { pathologicalShapes } from '@rungs/shared/import/testing/pathological';
import { ImportPool, ImportPoolBusy, ImportTooComplex } from './import-pool.ts';

const LADDER = '# Data\n\n## D1 Analyst\n\n### Insight\n\n- Answers questions with data.\n';
// Linear, but about 10 s a megabyte of work: many times the 1 s budget the tests below give it.
const HOSTILE = pathologicalShapes()
  .find((s) => s.name === 'many tables')!
  .build(1_000_000);
const BUDGET_MS = 1_000;

const pools: ImportPool[] = [];
const pool = (config: Partial<ConstructorParameters<typeof ImportPool>[0]> = {}) => {
  const p = new ImportPool({
    timeoutMs: 60_000,
    workers: 1,
    warmWorkers: 0,
    queue: 4,
    workerMemoryMb: 512,
    ...config,
  });
  pools.push(p);
  return p;
};

afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('import pool', () => {
  it('parses in a worker thread, not on the main thread', async () => {
    expect(isMainThread).toBe(true);
    const outcome = await pool().runTask({ input: LADDER, options: {} });
    expect(outcome.ok).toBe(true);
    expect(outcome.threadId).not.toBe(threadId);
    if (outcome.ok) expect(outcome.result.content.levels).toHaveLength(1);
  });

  it('passes import errors through with their code and line', async () => {
    const err = await pool()
      .run('Level,Craft,Impact\nL1,Writes code,Ships\nL2,Reviews\nL3,a,b\n', { format: 'csv' })
      .catch((e: unknown) => e);
    expect(isImportError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ragged_rows', line: 3 });
  });

  it('stops a parse over its time budget and keeps serving', async () => {
    const p = pool({ timeoutMs: BUDGET_MS });
    const err = await p.run(HOSTILE, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportTooComplex);
    expect((err as Error).message).toMatch(/too complex to import/);
    const next = await p.run(LADDER, {});
    expect(next.content.levels).toHaveLength(1);
  }, 120_000);

  it('refuses work beyond its queue instead of queueing forever', async () => {
    const p = pool({ timeoutMs: BUDGET_MS, workers: 1, queue: 1 });
    const first = p.run(HOSTILE, {}).catch((e: unknown) => e);
    const second = p.run(HOSTILE, {}).catch((e: unknown) => e);
    expect(p.load).toEqual({ running: 1, waiting: 1 });
    const third = await p.run(LADDER, {}).catch((e: unknown) => e);
    expect(third).toBeInstanceOf(ImportPoolBusy);
    expect((third as ImportPoolBusy).retryAfterSeconds).toBeGreaterThan(0);
    expect(await first).toBeInstanceOf(ImportTooComplex);
    expect(await second).toBeInstanceOf(ImportTooComplex);
    expect(p.load).toEqual({ running: 0, waiting: 0 });
  }, 120_000);
});
