import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { updateUser, type UserAccount } from '../api/users.ts';
import { Dialog } from '../ui/Dialog.tsx';

/**
 * "Disable Grace?" / "Enable Grace?": says what happens, then asks the server. Its refusal (an
 * admin can't disable themself) is shown here as written.
 */
export function UserStatusDialog({
  user,
  onDone,
  onCancel,
}: {
  user: UserAccount;
  onDone(user: UserAccount): void;
  onCancel(): void;
}) {
  const disabling = !user.disabled;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onDone(await updateUser(user.id, { disabled: disabling }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title={`${disabling ? 'Disable' : 'Enable'} ${user.name}?`} onCancel={onCancel}>
      <div className="form">
        <div className="dialog-body">
          {disabling ? (
            <p>
              <strong>{user.email}</strong> is signed out everywhere at once, their live editing connections
              close, and they can&apos;t sign in until an admin enables the account again. Their edits,
              comments and history stay.
            </p>
          ) : (
            <p>
              <strong>{user.email}</strong> can sign in again, with their role ({user.role}).
            </p>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className={`button ${disabling ? 'danger' : 'primary'}`}
            onClick={() => void confirm()}
            disabled={busy}
          >
            {busy ? 'Working…' : disabling ? 'Disable account' : 'Enable account'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
