import { Worker } from 'node:worker_threads';

/** What a worker replayed: the snapshot and every log row, as one update. */
export interface ReplayedOffThread {
  state: Uint8Array;
  /** The log rows it read, in id order. */
  ids: number[];
  /** The snapshot's `last_update_id` when it read it (null: there was none). */
  snapshotLastId: number | null;
}

const WORKER = new URL('./replay-worker.mjs', import.meta.url);
/** Long loads replaying at once; more wait their turn (each holds a log's worth of memory). */
const MAX_CONCURRENT = 2;
/** A replay still running after this is stopped and the load fails (and is retried by the client). */
const TIMEOUT_MS = 120_000;
const WORKER_HEAP_MB = 2048;

let running = 0;
const waiting: Array<() => void> = [];

/**
 * Reads a document's snapshot and log from the SQLite file `file` in a worker thread, replays them
 * there and returns the state as one update. The caller applies it: one update instead of the log.
 */
export async function replayOffThread(file: string, documentName: string): Promise<ReplayedOffThread> {
  await acquireSlot();
  try {
    return await runWorker(file, documentName);
  } finally {
    releaseSlot();
  }
}

async function acquireSlot(): Promise<void> {
  if (running < MAX_CONCURRENT) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
}

/** A waiting load takes the slot over as it is: no newcomer can slip in between. */
function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

function runWorker(file: string, documentName: string): Promise<ReplayedOffThread> {
  return new Promise((resolve, reject) => {
    // No loader flags: the worker is plain JavaScript.
    const worker = new Worker(WORKER, {
      workerData: { file, documentName },
      execArgv: [],
      // A log too large for this fails its own load (the worker is stopped), not the server.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`replaying the stored log took longer than ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    const settle = () => clearTimeout(timer);
    worker.once(
      'message',
      (
        answer: { error: string } | { state: Uint8Array; ids: Float64Array; snapshotLastId: number | null },
      ) => {
        settle();
        void worker.terminate();
        if ('error' in answer) reject(new Error(answer.error));
        else
          resolve({
            state: answer.state,
            ids: Array.from(answer.ids),
            snapshotLastId: answer.snapshotLastId,
          });
      },
    );
    worker.once('error', (err) => {
      settle();
      reject(err);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`the replay worker stopped (exit code ${code}) before answering`));
    });
  });
}
