import type { AwarenessEntry } from './protocol.ts';

export interface AwarenessLimits {
  /** Client ids one connection may introduce (an honest browser tab has one). */
  maxClients: number;
  /** Bytes of one client's state (its JSON text). */
  maxStateBytes: number;
}

/** Who set a presence: a local connection, or a client of another instance. */
export type AwarenessOwner = object;

export interface AwarenessVerdict {
  accepted: AwarenessEntry[];
  /** Why entries were left out, for the log; empty when everything was accepted. */
  refused: Array<'not-owner' | 'too-many-clients' | 'too-large' | 'server-id'>;
}

/**
 * Which entries of an awareness update a connection may apply. A connection owns the client ids
 * it introduced (at most `maxClients`); it may update or remove only those. Entries for ids another
 * connection owns are dropped rather than fatal: y-websocket clients echo every change they see,
 * including others' presence and removals after their 30 s timeout, so honest clients send them.
 */
export function filterAwareness(
  entries: AwarenessEntry[],
  requester: AwarenessOwner,
  ownedByRequester: ReadonlySet<number>,
  ownerOf: (clientId: number) => AwarenessOwner | undefined,
  serverClientId: number,
  limits: AwarenessLimits,
): AwarenessVerdict {
  const accepted: AwarenessEntry[] = [];
  const refused: AwarenessVerdict['refused'] = [];
  let introduced = 0;
  const seen = new Set<number>();
  for (const entry of entries) {
    if (seen.has(entry.clientId)) continue; // the last of duplicates would win; keep the first only
    seen.add(entry.clientId);
    if (entry.clientId === serverClientId) {
      refused.push('server-id');
      continue;
    }
    const removal = entry.state === 'null';
    if (!removal && Buffer.byteLength(entry.state) > limits.maxStateBytes) {
      refused.push('too-large');
      continue;
    }
    if (ownedByRequester.has(entry.clientId)) {
      accepted.push(entry);
      continue;
    }
    const owner = ownerOf(entry.clientId);
    if (owner !== undefined && owner !== requester) {
      refused.push('not-owner');
      continue;
    }
    if (removal) continue; // nobody's presence: nothing to remove
    if (ownedByRequester.size + introduced >= limits.maxClients) {
      refused.push('too-many-clients');
      continue;
    }
    introduced++;
    accepted.push(entry);
  }
  return { accepted, refused };
}
