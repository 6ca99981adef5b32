/** The server's minimum (server/src/auth/passwords.ts); the form hints at it, the server enforces it. */
export const MIN_PASSWORD_LENGTH = 10;
