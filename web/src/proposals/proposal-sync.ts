import { useEffect, useRef } from 'react';
import type { CollabSession } from '../collab/session.ts';
import { ProposalCloseCode } from '@rungs/shared/api/close-codes';

const SIGNAL_FIELD = 'proposalSignal';

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
 * Keeps a proposal page current: after edits to the document settle, when someone else announces
 * a change, when the server closes the socket because the proposal was published, closed or
 * reopened, when the tab comes back into view, and every `pollMs` as a fallback.
 */
export function useProposalSync(
  session: CollabSession | null,
  handlers: { onDocumentChange(): void; onOtherChange(): void },
  pollMs = 30_000,
): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    const refreshAll = () => {
      ref.current.onDocumentChange();
      ref.current.onOtherChange();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') refreshAll();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refreshAll();
    }, pollMs);
    if (!session) {
      return () => {
        document.removeEventListener('visibilitychange', onVisible);
        window.clearInterval(timer);
      };
    }

    let debounce = 0;
    const onUpdate = () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(() => ref.current.onDocumentChange(), 900);
    };
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
      if (changed) refreshAll();
    };
    const codes = new Set<number>(Object.values(ProposalCloseCode));
    const onClose = (event: CloseEvent | null) => {
      if (event && codes.has(event.code)) refreshAll();
    };
    session.doc.on('update', onUpdate);
    session.awareness.on('change', onAwareness);
    session.provider.on('connection-close', onClose);
    return () => {
      window.clearTimeout(debounce);
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(timer);
      session.doc.off('update', onUpdate);
      session.awareness.off('change', onAwareness);
      session.provider.off('connection-close', onClose);
    };
  }, [session, pollMs]);
}
