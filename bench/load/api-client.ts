import { performance } from 'node:perf_hooks';

/** A signed-in browser session: the session cookie and the CSRF token writes must carry. */
export interface SignedInSession {
  email: string;
  cookie: string;
  csrfToken: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** From sending the request to having read the whole body. */
  ms: number;
}

/** No request may hang the run: one that takes longer than this is abandoned and counted as an error. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * One API call as the web app makes it: JSON in and out, the session cookie when signed in,
 * the CSRF header on writes. Throws only when no HTTP response came back (connection refused or reset, timeout).
 */
export async function sendApiRequest(baseUrl: string, method: 'GET' | 'POST', path: string, options: { session?: SignedInSession; body?: unknown } = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.session) headers.cookie = options.session.cookie;
  if (options.session && method !== 'GET') headers['x-csrf-token'] = options.session.csrfToken;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const ms = performance.now() - start;
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, ms };
}

/** Like sendApiRequest, for setup steps that must succeed. */
export async function requireApi<T>(baseUrl: string, method: 'GET' | 'POST', path: string, options: { session?: SignedInSession; body?: unknown } = {}): Promise<T> {
  const response = await sendApiRequest(baseUrl, method, path, options);
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** Signs in (POST /api/auth/login) and keeps the cookie and CSRF token. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<SignedInSession> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { csrfToken?: string };
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('telar_session='))?.split(';')[0];
  if (response.status !== 200 || !cookie || !body.csrfToken) throw new Error(`Could not sign in as ${email}: ${response.status} ${JSON.stringify(body)}`);
  return { email, cookie, csrfToken: body.csrfToken };
}
