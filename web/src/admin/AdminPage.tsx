import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.tsx';
import { NotFoundPage } from '../app/RouteError.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { AuditLogPanel } from './AuditLogPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import './admin.css';
import { canAdminister } from '../proposals/roles.ts';

/** Someone without the admin role followed a link here: say what it needs and who can help. */
function AdminOnly({ role }: { role: string }) {
  useDocumentTitle('Admin');
  return (
    <div className="page page-narrow">
      <div className="state state-empty admin-only" role="alert">
        <h2>You need the admin role to see this page</h2>
        <p>
          Admin is where users, roles and the audit log are managed. Your role ({role}) doesn&apos;t include
          it; ask one of your Rungs admins if you need access.
        </p>
        <Link className="button" to="/">
          Back to ladders
        </Link>
      </div>
    </div>
  );
}

/** `/admin` (users and roles) and `/admin/audit` (audit log), for admins. */
export function AdminPage() {
  const { user } = useAuth();
  if (!canAdminister(user.role)) return <AdminOnly role={user.role} />;
  return (
    <div className="page admin-page">
      <header className="page-header admin-header">
        <div>
          <h1>Admin</h1>
          <p className="muted">Who can use Rungs, what each person may do, and what has happened.</p>
        </div>
      </header>
      <nav className="admin-tabs" aria-label="Admin sections">
        <NavLink to="/admin" end className="admin-tab">
          Users
        </NavLink>
        <NavLink to="/admin/audit" className="admin-tab">
          Audit log
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<UsersPanel />} />
        <Route path="audit" element={<AuditLogPanel />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
