import type { Awareness } from 'y-protocols/awareness';
import { Store } from './store.ts';
import { readableColor } from '../identity/identity.ts';

/** One person in the document, as they announce themselves through awareness. */
export interface Peer {
  clientId: number;
  name: string;
  color: string;
  /** Root fragment name of the cell/summary they are editing, if any. */
  editing: string | null;
  self: boolean;
}

interface AwarenessState {
  user?: { name?: unknown; color?: unknown };
  editing?: unknown;
}

const NO_PEERS: readonly Peer[] = Object.freeze([]);

function peerKey(peers: readonly Peer[]): string {
  return peers.map((p) => `${p.clientId}|${p.name}|${p.color}|${p.editing ?? ''}`).join('\n');
}

/**
 * Who is here and where they are. `people` lists everyone (self first); `editorsOf(name)` the
 * other people editing one fragment, with stable array identities so a cell re-renders only when
 * its own editors change.
 */
export class PresenceStore {
  readonly people = new Store<readonly Peer[]>(NO_PEERS);
  private byFragment = new Map<string, readonly Peer[]>();
  private fragmentListeners = new Map<string, Set<() => void>>();
  private peopleKey = '';

  constructor(private awareness: Awareness) {
    awareness.on('change', this.refresh);
    this.refresh();
  }

  destroy(): void {
    this.awareness.off('change', this.refresh);
  }

  editorsOf = (name: string): readonly Peer[] => this.byFragment.get(name) ?? NO_PEERS;

  subscribeFragment(name: string, listener: () => void): () => void {
    let set = this.fragmentListeners.get(name);
    if (!set) this.fragmentListeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.fragmentListeners.delete(name);
    };
  }

  private refresh = () => {
    const selfId = this.awareness.clientID;
    const peers: Peer[] = [];
    this.awareness.getStates().forEach((raw, clientId) => {
      const state = raw as AwarenessState;
      const name = typeof state.user?.name === 'string' ? state.user.name.trim() : '';
      if (!name) return;
      const color = typeof state.user?.color === 'string' ? readableColor(state.user.color) : '#495057';
      const editing = typeof state.editing === 'string' ? state.editing : null;
      peers.push({ clientId, name, color, editing, self: clientId === selfId });
    });
    peers.sort(
      (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
    );

    const key = peerKey(peers);
    if (key === this.peopleKey) return;
    this.peopleKey = key;
    this.people.set(peers);

    const next = new Map<string, Peer[]>();
    for (const p of peers) {
      if (p.self || !p.editing) continue;
      const list = next.get(p.editing);
      if (list) list.push(p);
      else next.set(p.editing, [p]);
    }
    const changed: string[] = [];
    for (const name of new Set([...this.byFragment.keys(), ...next.keys()])) {
      const before = this.byFragment.get(name) ?? NO_PEERS;
      const after = next.get(name) ?? NO_PEERS;
      if (peerKey(before) !== peerKey(after)) changed.push(name);
      else if (after.length) next.set(name, before as Peer[]);
    }
    this.byFragment = next;
    for (const name of changed)
      for (const listener of [...(this.fragmentListeners.get(name) ?? [])]) listener();
  };
}
