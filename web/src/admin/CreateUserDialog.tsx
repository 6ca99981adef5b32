import { useId, useState } from 'react';
import type { Role } from '../api/session.ts';
import { createUser, ROLE_DESCRIPTIONS, ROLES, type UserAccount } from '../api/users.ts';
import { NewPasswordField } from '../auth/password-fields.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions, FormError, TextField, useFormSubmit } from '../ui/form.tsx';

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
  const ids = { role: useId(), roleHint: useId(), invite: useId(), setPassword: useId() };
  const { busy, error, submit } = useFormSubmit(async () =>
    onCreated(
      await createUser({
        name: name.trim(),
        email: email.trim(),
        role,
        ...(method === 'password' ? { password } : {}),
      }),
    ),
  );

  return (
    <Dialog title="Add a user" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <TextField label="Name" autoFocus required maxLength={200} value={name} onValue={setName} />
        <TextField label="Email" type="email" required maxLength={320} value={email} onValue={setEmail} />
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
          <NewPasswordField hintClassName="admin-hint" value={password} onValue={setPassword} />
        )}
        <FormError error={error} />
        <DialogActions
          onCancel={onCancel}
          busy={busy}
          label={method === 'invite' ? 'Create invitation' : 'Create account'}
          busyLabel="Adding…"
        />
      </form>
    </Dialog>
  );
}
