import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ImportError, type ImportOptions, type ImportResult } from '@rungs/shared';
import type { ImportsConfig } from '../config.ts';
import type { BinaryExportFormat } from '@rungs/shared/export/office/index';
import type { LadderContent } from '@rungs/shared/model/index';
import type { ExportTask, ImportOutcome, ImportTask } from './import-worker.ts';

/** Every worker is busy and the queue is full: try again shortly (503 with Retry-After). */
export class ImportPoolBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('The server is busy importing other documents. Try again in a few seconds.');
    this.name = 'ImportPoolBusy';
  }
}

/** The document took longer than the time budget (or more memory than a worker has) to read. */
export class ImportTooComplex extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `This document is too complex to import: reading it took longer than ${timeoutMs / 1000} s. ` +
        'Import it in parts (a few levels at a time), or save it from its editor as plain Markdown or CSV and import that.',
    );
    this.name = 'ImportTooComplex';
  }
}

/** How long a worker may take to start (load TypeScript and the parsers) before its task begins. */
const STARTUP_MS = 60_000;

const WORKER = new URL('./import-worker.ts', import.meta.url).href;

/**
 * Workers run TypeScript through tsx: `rungs serve` already runs under it (its flags are inherited);
 * elsewhere (the test runner) the worker gets it explicitly.
 */
function workerExecArgv(): string[] {
  // `--import tsx`, or the loader the tsx CLI passes (…/node_modules/tsx/dist/loader.mjs).
  const underTsx = process.execArgv.some((arg) => /(^|[\\/])tsx([\\/]dist[\\/]|$)/.test(arg));
  return underTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
}

/**
 * Parses documents in worker threads so that no import blocks the event loop. At most `workers`
 * parse at once and `queue` more wait; beyond that callers are told to come back. A parse running
 * past `timeoutMs` has its worker terminated.
 */
export class ImportPool {
  private readonly piscina: Piscina;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly config: ImportsConfig) {
    this.piscina = new Piscina({
      filename: WORKER,
      minThreads: Math.min(config.warmWorkers, config.workers),
      maxThreads: config.workers,
      idleTimeout: 60_000,
      execArgv: workerExecArgv(),
      resourceLimits: { maxOldGenerationSizeMb: config.workerMemoryMb },
    });
  }

  /** Parse in a worker. Throws `ImportError`, `ImportTooComplex` or `ImportPoolBusy`. */
  async run(input: string | Uint8Array, options: ImportOptions): Promise<ImportResult> {
    const outcome = await this.runTask({ input, options });
    if (outcome.ok) return outcome.result;
    const { code, message, line } = outcome.error;
    throw new ImportError(code as ImportError['code'], message, line);
  }

  /** The worker's raw answer (tests look at which thread ran it). */
  runTask(task: Omit<ImportTask, 'started'>): Promise<ImportOutcome> {
    return this.inWorker<ImportOutcome>(task, 'default');
  }

  /** A ladder as a Word or Excel file, written in a worker, under the same bounds as imports. */
  exportBinary(content: LadderContent, format: BinaryExportFormat): Promise<Uint8Array> {
    return this.inWorker<Uint8Array>(
      { content, format } satisfies Omit<ExportTask, 'started'>,
      'runBinaryExport',
    );
  }

  private async inWorker<T>(task: object, name: string): Promise<T> {
    await this.admit();
    const deadline = new AbortController();
    const { port1: started, port2 } = new MessageChannel();
    let budget: NodeJS.Timeout | undefined;
    started.once('message', () => {
      clearTimeout(startup);
      budget = setTimeout(() => deadline.abort(), this.config.timeoutMs);
    });
    // A worker that cannot even start (or take the task) is given up on too.
    const startup = setTimeout(() => deadline.abort(), this.config.timeoutMs + STARTUP_MS);
    try {
      return (await this.piscina.run(
        { ...task, started: port2 },
        { name, signal: deadline.signal, transferList: [port2] },
      )) as T;
    } catch (err) {
      // Aborted at the deadline, or the worker died (out of memory, stack): either way the document's fault.
      if (isAbort(err) || isWorkerDeath(err)) throw new ImportTooComplex(this.config.timeoutMs);
      throw err;
    } finally {
      clearTimeout(startup);
      clearTimeout(budget);
      started.close();
      this.release();
    }
  }

  /** Parses in progress and waiting (for tests and health). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }

  private async admit(): Promise<void> {
    if (this.running < this.config.workers) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.config.queue)
      throw new ImportPoolBusy(Math.max(1, Math.ceil(this.config.timeoutMs / 1000)));
    // `release` hands its slot straight to the first waiter, so `running` stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}

function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError' || (err as Error)?.name === 'TimeoutError';
}

function isWorkerDeath(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return (
    code === 'ERR_WORKER_OUT_OF_MEMORY' ||
    /Terminating worker thread|worker.*exit/i.test((err as Error)?.message ?? '')
  );
}
