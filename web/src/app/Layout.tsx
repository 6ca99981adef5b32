import { Link, NavLink, Outlet } from 'react-router-dom';
import { AccountMenu } from '../account/AccountMenu.tsx';
import { useAuth } from '../auth/AuthContext.tsx';
import { NotificationsBell } from '../notifications/NotificationsBell.tsx';
import { NotificationsProvider } from '../notifications/notifications-context.tsx';
import { canAdminister } from '../proposals/roles.ts';

/** The one navigation bar: brand, sections, and who I am. */
export function Layout() {
  const { user } = useAuth();
  return (
    <NotificationsProvider>
      <div className="app">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="topbar">
          <Link to="/" className="brand" aria-label="Rungs home">
            <span className="brand-mark" aria-hidden="true" />
            Rungs
          </Link>
          <nav className="topnav" aria-label="Main">
            <NavLink to="/" end>
              Ladders
            </NavLink>
            {canAdminister(user.role) && <NavLink to="/admin">Admin</NavLink>}
          </nav>
          <div className="topbar-spacer" />
          <NotificationsBell />
          <AccountMenu />
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </NotificationsProvider>
  );
}
