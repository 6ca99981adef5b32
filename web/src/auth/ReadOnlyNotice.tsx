import { useAuth } from './AuthContext.tsx';

/**
 * Says, where the live ladder is shown, that this person can read but not change it and why.
 * The server enforces it (a reader's websocket updates are dropped); this keeps the UI honest.
 */
export function ReadOnlyNotice({ subject = 'this ladder' }: { subject?: string }) {
  const { user } = useAuth();
  return (
    <p className="readonly-notice" role="note" data-testid="readonly-notice">
      <svg className="readonly-notice-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d="M4.5 7.5V5.5a3.5 3.5 0 0 1 7 0v2M3.5 7.5h9v6h-9z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
      <span>
        <strong>Read only</strong> — your role ({user.role}) can&apos;t edit {subject}. You see
        everyone&apos;s changes live; ask an admin if you need to make changes.
      </span>
    </p>
  );
}
