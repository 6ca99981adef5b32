import { useCallback, useSyncExternalStore } from 'react';
import { useCollab } from './CollabContext.tsx';
import type { ConnectionStatus } from './connection-status.ts';
import type { Peer } from './presence.ts';

export function useConnectionStatus(): ConnectionStatus {
  const { status } = useCollab();
  return useSyncExternalStore(status.subscribe, status.get);
}

/**
 * Whether the document arrived and whether the server refused it for good: what decides between
 * the editor and an error. Unlike `useConnectionStatus`, it does not re-render on every save (the
 * saved state flips twice per keystroke), so the matrix under it is not rendered again per key.
 */
export function useDocumentOpenState(): Pick<
  ConnectionStatus,
  'loaded' | 'fatal' | 'closeReason' | 'closeCode'
> {
  const { status } = useCollab();
  const field =
    <K extends keyof ConnectionStatus>(key: K) =>
    () =>
      status.get()[key];
  return {
    loaded: useSyncExternalStore(status.subscribe, field('loaded')),
    fatal: useSyncExternalStore(status.subscribe, field('fatal')),
    closeReason: useSyncExternalStore(status.subscribe, field('closeReason')),
    closeCode: useSyncExternalStore(status.subscribe, field('closeCode')),
  };
}

/** Everyone in the document, self first. */
export function usePeople(): readonly Peer[] {
  const { presence } = useCollab();
  return useSyncExternalStore(presence.people.subscribe, presence.people.get);
}

/** Other people editing the fragment `name` right now. */
export function useEditorsOf(name: string): readonly Peer[] {
  const { presence } = useCollab();
  const subscribe = useCallback((cb: () => void) => presence.subscribeFragment(name, cb), [presence, name]);
  return useSyncExternalStore(subscribe, () => presence.editorsOf(name));
}

/** True when this browser edits the fragment `name`. */
export function useIsEditing(name: string): boolean {
  const { editing } = useCollab();
  return useSyncExternalStore(editing.subscribe, () => editing.get().name === name);
}
