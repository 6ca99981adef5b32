import { Link, NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.tsx';
import { initials } from '../identity/identity.ts';
import { useIdentity } from '../identity/IdentityContext.tsx';

/** The one navigation bar: brand, sections, and who I am. */
export function Layout() {
  const { identity, editIdentity } = useIdentity();
  const { user, signOut } = useAuth();
  return (
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
        </nav>
        <div className="topbar-spacer" />
        <button type="button" className="me" onClick={editIdentity} title="Change your colour">
          <span className="avatar small" style={{ background: identity.color }} aria-hidden="true">
            {initials(identity.name)}
          </span>
          <span className="me-name">{identity.name}</span>
          <span className="me-role">{user.role}</span>
          <span className="visually-hidden">, change your colour</span>
        </button>
        <button type="button" className="topbar-link" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <div id="main" className="app-main">
        <Outlet />
      </div>
    </div>
  );
}
