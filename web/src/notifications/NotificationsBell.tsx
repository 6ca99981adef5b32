import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { markNotificationsSeen } from '../api/notifications.ts';
import { fullDate, timeAgo } from '../ladders/format.ts';
import { notificationHref, notificationText } from './notification-text.ts';
import { useNotifications } from './notifications-context.tsx';
import './notifications.css';

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
      <path
        d="M4 11.5V7a4 4 0 0 1 8 0v4.5l1 1H3zM6.5 14h3"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The bell in the top bar: how many notifications are unread; opens the list (reviews awaiting
 * me, verdicts and comments on my proposals) with "Mark all as seen".
 */
export function NotificationsBell() {
  const { value, error, refresh } = useNotifications();
  const [open, setOpen] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const unread = value?.unread ?? 0;

  // Following a link closes the list; arriving somewhere new is a good moment to look again.
  useEffect(() => {
    setOpen(false);
    void refresh();
  }, [location.pathname, refresh]);

  useEffect(() => {
    if (!open) return;
    void refresh();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, refresh]);

  async function markSeen() {
    setMarkError(null);
    try {
      await markNotificationsSeen();
      await refresh();
    } catch (err) {
      setMarkError(errorMessage(err));
    }
  }

  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <div className="notifications" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="popover notifications-panel" role="region" aria-label="Notifications">
          <div className="notifications-head">
            <h2>Notifications</h2>
            {unread > 0 && (
              <button type="button" className="link-button small" onClick={() => void markSeen()}>
                Mark all as seen
              </button>
            )}
          </div>
          {markError && (
            <p className="form-error" role="alert">
              {markError}
            </p>
          )}
          {!value && !error && <p className="muted small notifications-empty">Loading…</p>}
          {!value && error ? (
            <p className="form-error" role="alert">
              Could not load your notifications: {errorMessage(error)}
            </p>
          ) : null}
          {value && value.notifications.length === 0 && (
            <p className="muted small notifications-empty">
              Nothing for you right now. Reviews you are asked for, and verdicts and comments on your
              proposals, show up here.
            </p>
          )}
          {value && value.notifications.length > 0 && (
            <ul className="notification-list">
              {value.notifications.map((n) => (
                <li key={n.id} className={n.unread ? 'is-unread' : ''} data-kind={n.kind}>
                  <Link to={notificationHref(n)} className="notification-link">
                    {n.unread && <span className="visually-hidden">New: </span>}
                    <span className="notification-text">{notificationText(n)}</span>
                    {n.comment?.excerpt && (
                      <span className="notification-excerpt">“{n.comment.excerpt}”</span>
                    )}
                    <span className="notification-meta small muted">
                      {n.ladder.title} ·{' '}
                      <time dateTime={n.at} title={fullDate(n.at)}>
                        {timeAgo(n.at)}
                      </time>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
