import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * A value computed from Yjs types, recomputed only after a transaction changed one of them
 * (deeply). `types` must be stable for a given `key`.
 */
export function useYValue<T>(key: string, types: readonly Y.AbstractType<any>[], compute: () => T): T {
  const cache = useRef<{ key: string; value: T } | null>(null);
  const typesRef = useRef(types);
  typesRef.current = types;

  const subscribe = useCallback(
    (onChange: () => void) => {
      const watched = typesRef.current;
      const handler = () => {
        cache.current = null;
        onChange();
      };
      for (const t of watched) t.observeDeep(handler);
      return () => {
        for (const t of watched) t.unobserveDeep(handler);
      };
    },
    // Re-subscribe when the key changes (the types change with it).
    [key],
  );

  const getSnapshot = () => {
    if (!cache.current || cache.current.key !== key) cache.current = { key, value: compute() };
    return cache.current.value;
  };

  return useSyncExternalStore(subscribe, getSnapshot);
}
