import { useEffect, useState } from 'react';
import { readLadderContent, stateFingerprint } from '../domain.ts';
import type { CollabSession } from '../collab/session.ts';
import type { LiveDocument } from './live-proposal.ts';

/** How long edits may settle before the live content is read again, and the most it waits while typing goes on. */
const SETTLE_MS = 250;
const MAX_WAIT_MS = 1000;

/**
 * The proposal's content and fingerprint as this browser's copy of the document holds them, read
 * again shortly after each change (coalesced: reading and diffing a large ladder per keystroke
 * would cost frames). Null until the document has arrived from the server.
 */
export function useLiveDocument(session: CollabSession | null): LiveDocument | null {
  const [live, setLive] = useState<LiveDocument | null>(null);
  useEffect(() => {
    setLive(null);
    if (!session) return;
    const read = () => {
      if (!session.status.get().loaded) return;
      setLive({ content: readLadderContent(session.doc), fingerprint: stateFingerprint(session.doc) });
    };
    let timer = 0;
    let firstPending = 0;
    const schedule = () => {
      const now = Date.now();
      if (!firstPending) firstPending = now;
      window.clearTimeout(timer);
      const wait = Math.max(0, Math.min(SETTLE_MS, firstPending + MAX_WAIT_MS - now));
      timer = window.setTimeout(() => {
        firstPending = 0;
        read();
      }, wait);
    };
    let loaded = session.status.get().loaded;
    read();
    const unsubscribe = session.status.subscribe(() => {
      if (loaded || !session.status.get().loaded) return;
      loaded = true;
      read();
    });
    session.doc.on('update', schedule);
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
      session.doc.off('update', schedule);
    };
  }, [session]);
  return live;
}
