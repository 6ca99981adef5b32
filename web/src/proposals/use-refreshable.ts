import { useCallback, useEffect, useRef, useState } from 'react';

export interface Refreshable<T> {
  /** The last value loaded (kept while refreshing, and when a refresh fails). */
  value: T | undefined;
  /** Why the first load failed (nothing to show) — or the last refresh (what is shown may be old). */
  error: unknown;
  loading: boolean;
  /** Loads again in the background; concurrent calls share one request and one follow-up. */
  refresh(): Promise<void>;
  /** Shows a value the server just answered (e.g. after an action), without a request. */
  set(value: T): void;
}

/**
 * Data shown on a live page: loaded on mount and whenever `deps` change, refreshed in the
 * background after changes, never replaced by a spinner or an error once something is shown.
 */
export function useRefreshable<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Refreshable<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef<{ promise: Promise<void>; again: boolean } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback((): Promise<void> => {
    if (running.current) {
      running.current.again = true;
      return running.current.promise;
    }
    const abort = new AbortController();
    controller.current = abort;
    const entry = { again: false, promise: Promise.resolve() };
    entry.promise = (async () => {
      try {
        do {
          entry.again = false;
          setLoading(true);
          try {
            const next = await loadRef.current(abort.signal);
            if (abort.signal.aborted) return;
            setValue(next);
            setError(null);
          } catch (err) {
            if (abort.signal.aborted) return;
            setError(err);
          }
        } while (entry.again && !abort.signal.aborted);
      } finally {
        if (running.current === entry) running.current = null;
        if (!abort.signal.aborted) setLoading(false);
      }
    })();
    running.current = entry;
    return entry.promise;
  }, []);

  useEffect(() => {
    setValue(undefined);
    setError(null);
    void run();
    return () => {
      controller.current?.abort();
      running.current = null;
    };
  }, deps);

  return { value, error, loading, refresh: run, set: setValue };
}
