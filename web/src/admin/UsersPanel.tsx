import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Role } from '../api/session.ts';
import { useAsync } from '../api/use-async.ts';
import { listUsers, ROLES, updateUser, type UserAccount } from '../api/users.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { CreateUserDialog } from './CreateUserDialog.tsx';
import { InvitationLinkDialog } from './InvitationLinkDialog.tsx';
import { UserStatusDialog } from './UserStatusDialog.tsx';

type PanelDialog =
  | { kind: 'create' }
  | { kind: 'status'; user: UserAccount }
  | { kind: 'invitation'; user: UserAccount; invitationPath: string };

type Notice = { tone: 'ok' | 'error'; text: string };

function StatusBadge({ user }: { user: UserAccount }) {
  if (user.disabled) return <span className="admin-status-badge is-disabled">Disabled</span>;
  if (user.invited)
    return (
      <span className="admin-status-badge is-invited" title="Has not accepted the invitation yet">
        Invited
      </span>
    );
  return <span className="admin-status-badge is-active">Active</span>;
}

function roleLabel(role: Role): string {
  return role[0]!.toUpperCase() + role.slice(1);
}

function matches(user: UserAccount, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || user.name.toLowerCase().includes(q) || user.email.includes(q) || user.role === q;
}

/** `/admin`: every account with its role and status; add, invite, change roles, disable. */
export function UsersPanel() {
  const { user: me } = useAuth();
  const { state, reload, setValue } = useAsync((signal) => listUsers(signal), []);
  const [dialog, setDialog] = useState<PanelDialog | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  useDocumentTitle('Users · Admin');

  const users = useMemo(() => (state.status === 'ready' ? state.value : []), [state]);
  const shown = useMemo(() => users.filter((u) => matches(u, query)), [users, query]);
  const counts = useMemo(
    () => ({
      active: users.filter((u) => !u.disabled && !u.invited).length,
      invited: users.filter((u) => !u.disabled && u.invited).length,
      disabled: users.filter((u) => u.disabled).length,
    }),
    [users],
  );

  function replace(updated: UserAccount) {
    const list = users.some((u) => u.id === updated.id)
      ? users.map((u) => (u.id === updated.id ? updated : u))
      : [...users, updated].sort((a, b) => a.name.localeCompare(b.name));
    setValue(list);
  }

  async function changeRole(user: UserAccount, role: Role) {
    if (role === user.role) return;
    setNotice(null);
    setSaving((s) => new Set(s).add(user.id));
    try {
      replace(await updateUser(user.id, { role }));
      setNotice({
        tone: 'ok',
        text: `${user.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}. They were signed out and sign in again with the new role.`,
      });
    } catch (err) {
      setNotice({ tone: 'error', text: `Could not change ${user.name}'s role: ${errorMessage(err)}` });
    } finally {
      setSaving((s) => {
        const next = new Set(s);
        next.delete(user.id);
        return next;
      });
    }
  }

  if (state.status === 'loading') return <Loading label="Loading users…" />;
  if (state.status === 'error') {
    return (
      <ErrorState
        title="Could not load the users"
        message={errorMessage(state.error)}
        action={
          <button type="button" className="button primary" onClick={reload}>
            Try again
          </button>
        }
      />
    );
  }

  return (
    <section className="admin-panel" aria-labelledby="users-heading">
      <div className="admin-panel-toolbar">
        <div>
          <h2 id="users-heading">Users</h2>
          <p className="muted small">
            {counts.active} active
            {counts.invited > 0 && `, ${counts.invited} invited`}
            {counts.disabled > 0 && `, ${counts.disabled} disabled`}
          </p>
        </div>
        <div className="admin-panel-toolbar-actions">
          <input
            type="search"
            className="admin-search-input"
            placeholder="Search by name or email"
            aria-label="Search users"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="button primary" onClick={() => setDialog({ kind: 'create' })}>
            Add user
          </button>
        </div>
      </div>

      <div className="admin-notice-slot" aria-live="polite">
        {notice && (
          <p className={`admin-notice ${notice.tone === 'error' ? 'is-error' : 'is-ok'}`}>
            <span>{notice.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss message"
              onClick={() => setNotice(null)}
            >
              ×
            </button>
          </p>
        )}
      </div>

      {shown.length === 0 ? (
        <EmptyState title={`No user matches “${query.trim()}”`}>
          <button type="button" className="button" onClick={() => setQuery('')}>
            Show everyone
          </button>
        </EmptyState>
      ) : (
        <div className="admin-table-card" role="region" aria-label="Users table" tabIndex={0}>
          <table className="admin-data-table admin-users-table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => {
                const isMe = user.id === me.id;
                return (
                  <tr
                    key={user.id}
                    data-user-email={user.email}
                    className={user.disabled ? 'is-disabled' : ''}
                  >
                    <th scope="row" className="admin-user-cell">
                      <span className="admin-user-name">
                        {user.name}
                        {isMe && <span className="admin-you-badge">You</span>}
                      </span>
                      <span className="admin-user-email muted">{user.email}</span>
                      {isMe && (
                        <span className="admin-own-row-note">
                          You cannot change your own role or disable your own account; another admin can.
                        </span>
                      )}
                    </th>
                    <td>
                      {isMe ? (
                        <span className="admin-own-role">{roleLabel(user.role)}</span>
                      ) : (
                        <select
                          className="admin-select role-select"
                          aria-label={`Role of ${user.name}`}
                          value={user.role}
                          disabled={saving.has(user.id)}
                          onChange={(e) => void changeRole(user, e.target.value as Role)}
                        >
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {roleLabel(r)}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td>
                      <StatusBadge user={user} />
                    </td>
                    <td className="muted small" title={fullDate(user.createdAt)}>
                      {timeAgo(user.createdAt)}
                    </td>
                    <td className="admin-row-actions">
                      {!isMe && (
                        <button
                          type="button"
                          className={`button subtle ${user.disabled ? '' : 'admin-subtle-danger'}`}
                          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}
                          onClick={() => setDialog({ kind: 'status', user })}
                        >
                          {user.disabled ? 'Enable' : 'Disable'}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.kind === 'create' && (
        <CreateUserDialog
          onCancel={() => setDialog(null)}
          onCreated={({ user, invitationPath }) => {
            replace(user);
            if (invitationPath) {
              setDialog({ kind: 'invitation', user, invitationPath });
              setNotice({ tone: 'ok', text: `Invited ${user.name} (${user.email}) as ${user.role}.` });
            } else {
              setDialog(null);
              setNotice({
                tone: 'ok',
                text: `Created an account for ${user.name} (${user.email}) as ${user.role}.`,
              });
            }
          }}
        />
      )}
      {dialog?.kind === 'invitation' && (
        <InvitationLinkDialog
          name={dialog.user.name}
          email={dialog.user.email}
          invitationPath={dialog.invitationPath}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'status' && (
        <UserStatusDialog
          user={dialog.user}
          onCancel={() => setDialog(null)}
          onDone={(user) => {
            replace(user);
            setDialog(null);
            setNotice({
              tone: 'ok',
              text: user.disabled
                ? `${user.name} is disabled and was signed out everywhere.`
                : `${user.name} can sign in again.`,
            });
          }}
        />
      )}
    </section>
  );
}
