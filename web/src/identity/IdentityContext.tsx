import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthContext.tsx';
import { loadColor, randomColor, saveColor, type Identity } from './identity.ts';
import { ColorDialog } from './ColorDialog.tsx';

interface IdentityContextValue {
  identity: Identity;
  /** Opens the "your colour" dialog. */
  editIdentity(): void;
}

const IdentityContext = createContext<IdentityContextValue | null>(null);

/** My name (from the account) and colour (kept per account in this browser) for presence and carets. */
export function IdentityProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [color, setColor] = useState(() => {
    const stored = loadColor(user.id);
    if (stored) return stored;
    const picked = randomColor();
    saveColor(user.id, picked);
    return picked;
  });
  const [editing, setEditing] = useState(false);
  const identity = useMemo(() => ({ name: user.name, color }), [user.name, color]);
  const editIdentity = useCallback(() => setEditing(true), []);
  const value = useMemo(() => ({ identity, editIdentity }), [identity, editIdentity]);

  return (
    <IdentityContext.Provider value={value}>
      {children}
      {editing && (
        <ColorDialog
          identity={identity}
          onSave={(next) => {
            saveColor(user.id, next);
            setColor(next);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </IdentityContext.Provider>
  );
}

export function useIdentity(): IdentityContextValue {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity must be used inside <IdentityProvider>');
  return value;
}
