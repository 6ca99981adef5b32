import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { createFirstAdmin, type SessionInfo } from '../api/session.ts';
import { FormError, SubmitButton, TextField, useFormSubmit } from '../ui/form.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuthCard } from './AuthCard.tsx';
import { NewPasswordField } from './password-fields.tsx';

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
  const [alreadySetUp, setAlreadySetUp] = useState(false);
  const { busy, error, submit } = useFormSubmit(
    async () => {
      setAlreadySetUp(false);
      onDone(await createFirstAdmin({ name: name.trim(), email: email.trim(), password }));
    },
    (err) => setAlreadySetUp(err instanceof ApiError && err.status === 409),
  );
  useDocumentTitle('Set up Rungs');

  return (
    <AuthCard
      title="Set up Rungs"
      intro="There are no accounts yet. Create the first one: it is the admin, who invites everyone else."
    >
      <form className="form" onSubmit={submit}>
        <TextField
          label="Your name"
          autoComplete="name"
          autoFocus
          required
          maxLength={200}
          value={name}
          onValue={setName}
        />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <NewPasswordField value={password} onValue={setPassword} />
        <FormError error={error} />
        <div className="form-actions">
          {alreadySetUp ? (
            <button type="button" className="button primary wide" onClick={onSignIn}>
              Go to sign in
            </button>
          ) : (
            <SubmitButton wide busy={busy} label="Create admin account" busyLabel="Creating…" />
          )}
        </div>
      </form>
    </AuthCard>
  );
}
