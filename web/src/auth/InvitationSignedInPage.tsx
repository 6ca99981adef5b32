import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { getInvitation } from '../api/users.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { useAuth } from './AuthContext.tsx';

/**
 * `/invitations/:token` opened by someone already signed in (often the admin checking the link
 * they are about to share): say whose invitation it is, and how to accept it.
 */
export function InvitationSignedInPage() {
  const { token = '' } = useParams();
  const { user, signOut } = useAuth();
  const { state } = useAsync((signal) => getInvitation(token, signal), [token]);
  useDocumentTitle('Invitation');

  if (state.status === 'loading') return <Loading label="Opening the invitation…" />;
  if (state.status === 'error') {
    const invalid = state.error instanceof ApiError && state.error.status === 404;
    return (
      <ErrorState
        title={invalid ? 'This invitation is not valid' : 'Could not open this invitation'}
        message={errorMessage(state.error)}
        action={
          <Link className="button" to="/">
            Go to ladders
          </Link>
        }
      />
    );
  }
  const invitation = state.value;
  return (
    <div className="state">
      <h2>This invitation is for {invitation.name}</h2>
      <p>
        It sets up the account <strong>{invitation.email}</strong>. You are signed in as {user.name} (
        {user.email}): to accept it, open the link in a private window, or sign out first.
      </p>
      <div className="form-actions center">
        <Link className="button" to="/">
          Go to ladders
        </Link>
        <button type="button" className="button primary" onClick={() => void signOut()}>
          Sign out to accept it
        </button>
      </div>
    </div>
  );
}
