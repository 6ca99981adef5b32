/**
 * Failures a user can act on, raised by services and commands in their own terms. The error
 * plugin (plugins/errors.ts) turns each kind into its HTTP status and the `{ error: { code,
 * message } }` body; `code` is stable for clients, `message` is shown to people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request itself is wrong (a missing title, an unresolved conflict). */
export class InvalidInputError extends DomainError {}

/** Nobody is signed in. */
export class UnauthenticatedError extends DomainError {}

/** The signed-in user may not do this. */
export class ForbiddenError extends DomainError {}

/** What the request names does not exist. */
export class NotFoundError extends DomainError {}

/** It can't be done in the current state (read-only, moved on, not approved). */
export class ConflictError extends DomainError {}

export const notFoundError = (what: string) => new NotFoundError('not_found', `${what} was not found.`);
