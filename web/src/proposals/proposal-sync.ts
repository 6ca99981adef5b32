import { useEffect, useRef } from 'react';
import type { CollabSession } from '../collab/session.ts';
import { announcedPublishedVersion } from '@rungs/shared/api/announcements';
import { ProposalCloseCode } from '@rungs/shared/api/close-codes';

const SIGNAL_FIELD = 'proposalSignal';

/** Without a live document (a published or closed proposal), how often the page asks the server. */
const FROZEN_POLL_MS = 30_000;

/**
 * Tells the other people on a proposal's page that something outside the document changed (a
 * verdict, a comment, a state change), through the room's awareness: their pages refresh at once.
 */
export function announceChange(session: CollabSession | null): void {
  if (!session) return;
  const current = (session.awareness.getLocalState()?.[SIGNAL_FIELD] as number | undefined) ?? 0;
  session.awareness.setLocalStateField(SIGNAL_FIELD, current + 1);
}

/**
 * Keeps what only the server knows current on a proposal page (its state, verdicts, comments):
 * when someone else announces a change, when the server closes the socket because the proposal
 * was published, closed or reopened, when it announces that the ladder was published (by another
 * proposal), and when the tab comes back into view. The document itself
 * comes live through the session, so edits cause no request. Without a session the page also
 * asks every 30 s, since nothing would tell it.
 */
export function useProposalSync(
  session: CollabSession | null,
  publishedVersion: number,
  onServerChange: () => void,
): void {
  const ref = useRef(onServerChange);
  ref.current = onServerChange;
  const known = useRef(publishedVersion);
  known.current = publishedVersion;

  useEffect(() => {
    const refresh = () => ref.current();
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    if (!session) {
      const timer = window.setInterval(() => {
        if (document.visibilityState === 'visible') refresh();
      }, FROZEN_POLL_MS);
      return () => {
        document.removeEventListener('visibilitychange', onVisible);
        window.clearInterval(timer);
      };
    }

    const seen = new Map<number, number>();
    const onAwareness = () => {
      let changed = false;
      session.awareness.getStates().forEach((state, clientId) => {
        if (clientId === session.awareness.clientID) return;
        const raw = (state as Record<string, unknown>)[SIGNAL_FIELD];
        const signal = typeof raw === 'number' ? raw : 0;
        if (seen.has(clientId) && seen.get(clientId) !== signal) changed = true;
        seen.set(clientId, signal);
      });
      // The server announces a newer published version of the ladder (another proposal was published).
      const announced = announcedPublishedVersion(session.awareness.getStates().values());
      if (announced !== null && announced > known.current) {
        known.current = announced;
        changed = true;
      }
      if (changed) refresh();
    };
    const codes = new Set<number>(Object.values(ProposalCloseCode));
    const onClose = (event: CloseEvent | null) => {
      if (event && codes.has(event.code)) refresh();
    };
    session.awareness.on('change', onAwareness);
    onAwareness();
    session.provider.on('connection-close', onClose);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      session.awareness.off('change', onAwareness);
      session.provider.off('connection-close', onClose);
    };
  }, [session]);
}
