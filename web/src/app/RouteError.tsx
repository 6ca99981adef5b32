import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorState } from '../ui/states.tsx';

/** Last line of defence: a render error or an unknown route shows a page, not a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unexpected error occurred.';
  return (
    <main className="page page-narrow">
      <ErrorState
        message={message}
        action={
          <div className="form-actions center">
            <button type="button" className="button primary" onClick={() => location.reload()}>
              Reload
            </button>
            <Link className="button" to="/">
              All ladders
            </Link>
          </div>
        }
      />
    </main>
  );
}

export function NotFoundPage() {
  return (
    <div className="page page-narrow">
      <ErrorState
        title="Page not found"
        message="There is nothing at this address."
        action={
          <Link className="button primary" to="/">
            All ladders
          </Link>
        }
      />
    </div>
  );
}
