import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import type { SessionInfo } from '../api/session.ts';
import { useAsync } from '../api/use-async.ts';
import { acceptInvitation, getInvitation } from '../api/users.ts';
import { Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { MIN_PASSWORD_LENGTH } from './password-rules.ts';

/** The token of an invitation link (`/invitations/<token>`), or null on any other page. */
export function invitationTokenOf(pathname: string): string | null {
  const match = /^\/invitations\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}

/**
 * `/invitations/:token` for someone who is not signed in: shows who was invited, sets the
 * password (and lets the person correct their name), then signs them in.
 */
export function InvitationPage({
  token,
  onDone,
  onSignIn,
}: {
  token: string;
  onDone(session: SessionInfo): void;
  /** "I already have an account": leave for the sign-in screen. */
  onSignIn(): void;
}) {
  const { state } = useAsync((signal) => getInvitation(token, signal), [token]);
  useDocumentTitle('Accept your invitation');

  if (state.status === 'loading') return <Loading label="Opening your invitation…" />;
  if (state.status === 'error') {
    const invalid = state.error instanceof ApiError && state.error.status === 404;
    return (
      <AuthCard title={invalid ? 'This invitation is not valid' : 'Could not open this invitation'}>
        <p className="form-error" role="alert">
          {errorMessage(state.error)}
        </p>
        <div className="form-actions">
          <button type="button" className="button primary wide" onClick={onSignIn}>
            Go to sign in
          </button>
        </div>
      </AuthCard>
    );
  }
  return <AcceptForm token={token} invitation={state.value} onDone={onDone} onSignIn={onSignIn} />;
}

function AcceptForm({
  token,
  invitation,
  onDone,
  onSignIn,
}: {
  token: string;
  invitation: { email: string; name: string };
  onDone(session: SessionInfo): void;
  onSignIn(): void;
}) {
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { email: useId(), name: useId(), password: useId(), confirm: useId(), hint: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) {
      setError('The two passwords are different. Type the same password twice.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await acceptInvitation(token, { password, name: name.trim() || undefined }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Welcome to Rungs"
      intro={
        <>
          You were invited as <strong>{invitation.email}</strong>. Choose a password to finish setting up your
          account.
        </>
      }
    >
      <form className="form" onSubmit={submit}>
        <label htmlFor={ids.email}>Email</label>
        <input id={ids.email} type="email" autoComplete="username" value={invitation.email} readOnly />
        <label htmlFor={ids.name}>Your name</label>
        <input
          id={ids.name}
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          autoFocus
          required
          aria-describedby={ids.hint}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id={ids.hint} className="auth-hint">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
        <label htmlFor={ids.confirm}>Password again</label>
        <input
          id={ids.confirm}
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary wide" disabled={busy}>
            {busy ? 'Setting up…' : 'Set password and sign in'}
          </button>
        </div>
        <p className="auth-alt muted">
          Already have an account?{' '}
          <button type="button" className="link-button" onClick={onSignIn}>
            Sign in
          </button>
        </p>
      </form>
    </AuthCard>
  );
}
