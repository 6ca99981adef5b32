import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Role } from '../api/session.ts';
import { createUser, ROLE_DESCRIPTIONS, ROLES, type UserAccount } from '../api/users.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/password-rules.ts';
import { Dialog } from '../ui/Dialog.tsx';

type Method = 'invite' | 'password';

/**
 * Adds a person: either an invitation (they pick their password from a link) or an account with
 * a password the admin sets and passes on.
 */
export function CreateUserDialog({
  onCreated,
  onCancel,
}: {
  onCreated(result: { user: UserAccount; invitationPath?: string }): void;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [method, setMethod] = useState<Method>('invite');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = {
    name: useId(),
    email: useId(),
    role: useId(),
    roleHint: useId(),
    invite: useId(),
    setPassword: useId(),
    password: useId(),
    hint: useId(),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createUser({
          name: name.trim(),
          email: email.trim(),
          role,
          ...(method === 'password' ? { password } : {}),
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add a user" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
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
          required
          maxLength={320}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={ids.role}>Role</label>
        <select
          id={ids.role}
          className="admin-select"
          value={role}
          aria-describedby={ids.roleHint}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r[0]!.toUpperCase() + r.slice(1)}
            </option>
          ))}
        </select>
        <p id={ids.roleHint} className="admin-hint">
          {ROLE_DESCRIPTIONS[role]}
        </p>
        <fieldset className="admin-choice-group">
          <legend>How they sign in</legend>
          <div className="admin-choice">
            <input
              id={ids.invite}
              type="radio"
              name="method"
              value="invite"
              aria-describedby={`${ids.invite}-hint`}
              checked={method === 'invite'}
              onChange={() => setMethod('invite')}
            />
            <div>
              <label htmlFor={ids.invite}>Invitation link</label>
              <p id={`${ids.invite}-hint`} className="admin-hint">
                You share a link; they choose their own password.
              </p>
            </div>
          </div>
          <div className="admin-choice">
            <input
              id={ids.setPassword}
              type="radio"
              name="method"
              value="password"
              aria-describedby={`${ids.setPassword}-hint`}
              checked={method === 'password'}
              onChange={() => setMethod('password')}
            />
            <div>
              <label htmlFor={ids.setPassword}>Set a password now</label>
              <p id={`${ids.setPassword}-hint`} className="admin-hint">
                You pass it on to them.
              </p>
            </div>
          </div>
        </fieldset>
        {method === 'password' && (
          <>
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
            <p id={ids.hint} className="admin-hint">
              At least {MIN_PASSWORD_LENGTH} characters.
            </p>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Adding…' : method === 'invite' ? 'Create invitation' : 'Create account'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
