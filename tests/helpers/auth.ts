import type { Role } from '@rungs/server/auth/roles';

export interface Session {
  baseUrl: string;
  cookie: string;
  csrfToken: string;
  user: { id: string; email: string; name: string; role: Role };
}

export const TEST_PASSWORD = 'correct horse battery staple';

function sessionCookie(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('rungs_session='));
  if (!header) throw new Error('no session cookie in the response');
  return header.split(';')[0]!;
}

/** Creates the first admin through the first-run endpoint and returns their session. */
export async function setupAdmin(baseUrl: string, email = 'admin@example.com'): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Ada Admin', password: TEST_PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: Session['user']; csrfToken: string };
  return { baseUrl, cookie: sessionCookie(res), csrfToken: body.csrfToken, user: body.user };
}

export async function login(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: Session['user']; csrfToken: string };
  return { baseUrl, cookie: sessionCookie(res), csrfToken: body.csrfToken, user: body.user };
}

/** An authenticated JSON request (with the CSRF token on state-changing methods). */
export async function api(
  session: Session | null,
  method: string,
  path: string,
  body?: unknown,
  baseUrl = session?.baseUrl,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  }
  return fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Admin creates an account with a password, then that person signs in. */
export async function createUser(admin: Session, role: Role, name = `${role} user`): Promise<Session> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const res = await api(admin, 'POST', '/api/users', { email, name, role, password: TEST_PASSWORD });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${await res.text()}`);
  return login(admin.baseUrl, email);
}
