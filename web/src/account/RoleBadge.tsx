import type { Role } from '../api/session.ts';
import './account.css';

/** A role as a small coloured pill ("admin", "viewer"…). */
export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className="role-badge" data-role={role}>
      {role}
    </span>
  );
}
