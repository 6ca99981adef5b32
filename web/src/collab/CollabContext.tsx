import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Identity } from '../identity/identity.ts';
import { openCollabSession, type CollabSession } from './session.ts';

const CollabContext = createContext<CollabSession | null>(null);

/** Opens the collaboration room `docName` for its children and closes it when they unmount. */
export function CollabProvider({
  docName,
  identity,
  children,
}: {
  docName: string;
  identity: Identity;
  children: ReactNode;
}) {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const opened = openCollabSession(docName, identity);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
    // The identity is applied below without reconnecting.
  }, [docName]);

  useEffect(() => {
    session?.setIdentity(identity);
  }, [session, identity]);

  if (!session) return null;
  return <CollabContext.Provider value={session}>{children}</CollabContext.Provider>;
}

export function useCollab(): CollabSession {
  const session = useContext(CollabContext);
  if (!session) throw new Error('useCollab must be used inside <CollabProvider>');
  return session;
}
