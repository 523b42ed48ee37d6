/** A person's e-mail and password. */
export interface Credentials {
  email: string;
  password: string;
}

/** A signed-in API client: the session cookie and the CSRF token every write must carry. */
export interface ApiSession {
  /** "telar_session=…", for a browser context that should share nothing else with this client. */
  sessionCookie: { name: string; value: string };
  /** A GET under /api/ answered as it is (a file download, a status to check). */
  request(path: string): Promise<Response>;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
}

async function readAnswer<T>(path: string, response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

/**
 * Signs in with a password someone else set (an administrator, `telar users create-admin --password`)
 * and replaces it with `newPassword`, as Telar requires at the first sign-in; the session stays signed in.
 */
export async function signInReplacingPassword(baseUrl: string, { email, password }: Credentials, newPassword: string): Promise<ApiSession> {
  const session = await signInApi(baseUrl, { email, password });
  await session.post('/auth/password', { currentPassword: password, newPassword });
  return session;
}

/** An account an administrator creates; its first password is then replaced by `account.password`. */
export async function createAccountApi(baseUrl: string, adminApi: ApiSession, account: Credentials & { name: string; roles: unknown[] }): Promise<{ id: string }> {
  const firstPassword = `Primera-${account.password}`;
  const created = await adminApi.post<{ id: string }>('/users', { ...account, password: firstPassword });
  await signInReplacingPassword(baseUrl, { email: account.email, password: firstPassword }, account.password);
  return created;
}

/** Signs in through the API, as the e2e set-up seeds everything through it. */
export async function signInApi(baseUrl: string, { email, password }: Credentials): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const { csrfToken } = await readAnswer<{ csrfToken: string }>('/auth/login', login);
  const [name, value] = login.headers.getSetCookie()[0]!.split(';')[0]!.split('=') as [string, string];
  const cookie = `${name}=${value}`;
  const send = async <T>(method: string, path: string, body: unknown): Promise<T> =>
    readAnswer<T>(
      path,
      await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  return {
    sessionCookie: { name, value },
    request: (path) => fetch(`${baseUrl}/api${path}`, { headers: { Cookie: cookie } }),
    get: async (path) => readAnswer(path, await fetch(`${baseUrl}/api${path}`, { headers: { Cookie: cookie } })),
    post: (path, body) => send('POST', path, body ?? {}),
    patch: (path, body) => send('PATCH', path, body),
  };
}
