/**
 * The answers `public/prefetch.js` asked for while the bundle loaded. Each is taken once, by the
 * first GET of its path; later GETs (a refresh, a second visit) ask the server again. Any change
 * sent to the server (a sign-in above all: the prefetched reads were refused without a session)
 * drops those not taken yet.
 */
interface FirstReads {
  reads: Record<string, Promise<Response> | undefined>;
  startedAt: number;
}

/** Older than this, an answer nobody took is not worth showing: the page asks afresh. */
const FRESH_FOR_MS = 10_000;

function firstReads(): FirstReads | undefined {
  return (globalThis as { __rungsFirstReads?: FirstReads }).__rungsFirstReads;
}

/** The prefetched answer to `GET /api{path}`, removed so that nobody gets it twice; else undefined. */
export function takePrefetched(path: string, now = Date.now()): Promise<Response> | undefined {
  const state = firstReads();
  if (!state) return undefined;
  if (now - state.startedAt > FRESH_FOR_MS) {
    state.reads = {};
    return undefined;
  }
  const answer = state.reads[path];
  delete state.reads[path];
  return answer;
}

/** Forgets every answer not taken yet: after a change they may no longer be what the server would say. */
export function dropPrefetched(): void {
  const state = firstReads();
  if (state) state.reads = {};
}
