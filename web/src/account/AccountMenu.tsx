import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ROLE_DESCRIPTIONS } from '../api/users.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { initials } from '../identity/identity.ts';
import { useIdentity } from '../identity/IdentityContext.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import './account.css';

/** Who I am in the top bar: name and role; opens to my email, what my role allows, colour and sign out. */
export function AccountMenu() {
  const { user, signOut } = useAuth();
  const { identity, editIdentity } = useIdentity();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(returnFocus: boolean) {
    setOpen(false);
    if (returnFocus) triggerRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (open && event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  }

  return (
    <div
      ref={rootRef}
      className="account"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !rootRef.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        className="account-trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar small" style={{ background: identity.color }} aria-hidden="true">
          {initials(identity.name)}
        </span>
        <span className="account-name">{user.name}</span>
        <span className="account-role" data-role={user.role}>
          {user.role}
        </span>
        <span className="visually-hidden">, account menu</span>
        <svg className="account-caret" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 3.5 5 6.5l3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <div id={panelId} className="popover account-panel" role="group" aria-label="Your account">
          <div className="account-who">
            <span className="avatar" style={{ background: identity.color }} aria-hidden="true">
              {initials(identity.name)}
            </span>
            <div className="account-who-text">
              <strong>{user.name}</strong>
              <span className="muted">{user.email}</span>
            </div>
          </div>
          <p className="account-role-line">
            <span className="account-role-label">Role</span>
            <RoleBadge role={user.role} />
            <span className="muted">{ROLE_DESCRIPTIONS[user.role]}</span>
          </p>
          <div className="account-actions">
            <button
              type="button"
              className="account-item"
              onClick={() => {
                close(false);
                editIdentity();
              }}
            >
              <span className="account-swatch" style={{ background: identity.color }} aria-hidden="true" />
              Change your colour
            </button>
            <button
              type="button"
              className="account-item"
              disabled={signingOut}
              onClick={() => {
                setSigningOut(true);
                void signOut();
              }}
            >
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
