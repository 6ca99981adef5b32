import { useCallback, useSyncExternalStore } from 'react';
import { useCollab } from './CollabContext.tsx';
import type { ConnectionStatus } from './connection-status.ts';
import type { Peer } from './presence.ts';

export function useConnectionStatus(): ConnectionStatus {
  const { status } = useCollab();
  return useSyncExternalStore(status.subscribe, status.get);
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
