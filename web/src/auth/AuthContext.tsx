import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorMessage, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { getSession, signOut, type SessionInfo, type SessionUser } from '../api/session.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { invitationTokenOf, InvitationPage } from './InvitationPage.tsx';
import { SetupPage } from './SetupPage.tsx';
import { SignInPage } from './SignInPage.tsx';
import './auth.css';

interface AuthContextValue {
  user: SessionUser;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

type AuthState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; session: SessionInfo };

/**
 * Moves the app to `/` without a reload. The router lives below this provider and follows the
 * browser's history, so it is told through the same popstate event the back button sends.
 */
function goHome(): void {
  if (location.pathname === '/') return;
  history.replaceState(history.state, '', '/');
  dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
}

/**
 * Who is signed in. Renders the first-run screen when there is no account yet, an invitation link
 * (`/invitations/:token`) for someone signed out, the sign-in screen when nobody is signed in, and
 * the app otherwise (at the same URL, so a reload lands back here).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const accept = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'ready', session });
  }, []);

  const refresh = useCallback(() => {
    getSession().then(accept, (err: unknown) => setState({ status: 'error', message: errorMessage(err) }));
  }, [accept]);

  useEffect(() => {
    refresh();
    setUnauthorizedHandler(refresh);
    return () => setUnauthorizedHandler(null);
  }, [refresh]);

  const user = state.status === 'ready' ? state.session.user : null;
  const value = useMemo<AuthContextValue | null>(
    () =>
      user && {
        user,
        async signOut() {
          await signOut().catch(() => undefined);
          setCsrfToken(null);
          setState({ status: 'ready', session: { user: null, csrfToken: null, needsSetup: false } });
        },
      },
    [user],
  );

  if (state.status === 'loading') return <Loading label="Starting Rungs…" />;
  if (state.status === 'error') {
    return (
      <ErrorState
        title="Rungs is not reachable"
        message={state.message}
        action={
          <button type="button" className="button primary" onClick={refresh}>
            Try again
          </button>
        }
      />
    );
  }
  if (state.session.needsSetup) {
    return (
      <SetupPage
        onDone={accept}
        onSignIn={() => setState({ status: 'ready', session: { ...state.session, needsSetup: false } })}
      />
    );
  }
  if (!value) {
    const invitation = invitationTokenOf(location.pathname);
    if (invitation) {
      return (
        <InvitationPage
          token={invitation}
          onDone={(session) => {
            goHome();
            accept(session);
          }}
          onSignIn={() => {
            goHome();
            setState({ ...state });
          }}
        />
      );
    }
    return <SignInPage onDone={accept} />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
