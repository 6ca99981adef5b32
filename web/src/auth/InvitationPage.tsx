import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import type { SessionInfo } from '../api/session.ts';
import { useAsync } from '../api/use-async.ts';
import { acceptInvitation, getInvitation } from '../api/users.ts';
import { FormError, SubmitButton, TextField, useFormSubmit } from '../ui/form.tsx';
import { Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordField } from './password-fields.tsx';

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
  const { busy, error, submit } = useFormSubmit(async () => {
    if (password !== confirm)
      throw new Error('The two passwords are different. Type the same password twice.');
    onDone(await acceptInvitation(token, { password, name: name.trim() || undefined }));
  });

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
        <TextField label="Email" type="email" autoComplete="username" value={invitation.email} readOnly />
        <TextField
          label="Your name"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <NewPasswordField autoFocus value={password} onValue={setPassword} />
        <TextField
          label="Password again"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onValue={setConfirm}
        />
        <FormError error={error} />
        <div className="form-actions">
          <SubmitButton wide busy={busy} label="Set password and sign in" busyLabel="Setting up…" />
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
