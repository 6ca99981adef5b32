import { useState } from 'react';
import { signIn, type SessionInfo } from '../api/session.ts';
import { FormError, SubmitButton, TextField, useFormSubmit } from '../ui/form.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuthCard } from './AuthCard.tsx';

export function SignInPage({ onDone }: { onDone(session: SessionInfo): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit(async () => onDone(await signIn(email.trim(), password)));
  useDocumentTitle('Sign in');

  return (
    <AuthCard title="Sign in" intro="Use the account your Rungs admin gave you.">
      <form className="form" onSubmit={submit}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          autoFocus
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <FormError error={error} />
        <div className="form-actions">
          <SubmitButton wide busy={busy} label="Sign in" busyLabel="Signing in…" />
        </div>
      </form>
    </AuthCard>
  );
}
