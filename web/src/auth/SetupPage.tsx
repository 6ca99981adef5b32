import { useId, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import { createFirstAdmin, type SessionInfo } from '../api/session.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { MIN_PASSWORD_LENGTH } from './password-rules.ts';

/** First run: nobody has an account yet, so the first visitor creates the admin account. */
export function SetupPage({
  onDone,
  onSignIn,
}: {
  onDone(session: SessionInfo): void;
  /** Someone else finished the setup meanwhile: go to the sign-in screen. */
  onSignIn(): void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [alreadySetUp, setAlreadySetUp] = useState(false);
  const ids = { name: useId(), email: useId(), password: useId(), hint: useId() };
  useDocumentTitle('Set up Rungs');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await createFirstAdmin({ name: name.trim(), email: email.trim(), password }));
    } catch (err) {
      setError(errorMessage(err));
      setAlreadySetUp(err instanceof ApiError && err.status === 409);
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Set up Rungs"
      intro="There are no accounts yet. Create the first one: it is the admin, who invites everyone else."
    >
      <form className="form" onSubmit={submit}>
        <label htmlFor={ids.name}>Your name</label>
        <input
          id={ids.name}
          autoComplete="name"
          autoFocus
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={ids.email}>Email</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={ids.hint}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id={ids.hint} className="auth-hint">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          {alreadySetUp ? (
            <button type="button" className="button primary wide" onClick={onSignIn}>
              Go to sign in
            </button>
          ) : (
            <button type="submit" className="button primary wide" disabled={busy}>
              {busy ? 'Creating…' : 'Create admin account'}
            </button>
          )}
        </div>
      </form>
    </AuthCard>
  );
}
