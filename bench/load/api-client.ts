import { performance } from 'node:perf_hooks';

/** A signed-in browser session: the session cookie and the CSRF token writes must carry. */
export interface SignedInSession {
  email: string;
  cookie: string;
  csrfToken: string;
}

/** Who sends a request: as whom (or anonymously) and from which client address. */
export interface Caller {
  session?: SignedInSession;
  /**
   * The client address the request claims to come from, sent as X-Forwarded-For: the server, told to
   * trust one proxy hop (TELAR_TRUST_PROXY=1), takes it as the client's, so each virtual user has its
   * own address as real people do, and the per-address sign-in limit applies to each on its own.
   * Addresses are from 198.18.0.0/15, the range set aside for benchmarks (RFC 2544); no packet goes there.
   */
  forwardedFor?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** From sending the request to having read the whole body. */
  ms: number;
  /** Sent as X-Request-Id, which the server keeps (hono's requestId) and the server probe reports by. */
  requestId: string;
}

/** No request may hang the run: one that takes longer than this is abandoned and counted as an error. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A sign-in hashes the password with argon2 on the server's thread pool (4 threads): 200 users signing
 * in within seconds queue there, and on a busy machine the last wait longer than REQUEST_TIMEOUT_MS.
 */
const SIGN_IN_TIMEOUT_MS = 30_000;

let requestCount = 0;
const nextRequestId = () => `load-${process.pid}-${++requestCount}`;

function buildHeaders(method: string, { session, forwardedFor }: Caller, hasBody: boolean, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

/**
 * One API call as the web app makes it: JSON in and out, the session cookie when signed in,
 * the CSRF header on writes. Throws only when no HTTP response came back (connection refused or reset, timeout).
 */
export async function sendApiRequest(baseUrl: string, method: 'GET' | 'POST', path: string, options: Caller & { body?: unknown } = {}): Promise<ApiResponse> {
  const requestId = nextRequestId();
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: buildHeaders(method, options, options.body !== undefined, requestId),
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const ms = performance.now() - start;
  return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, ms, requestId };
}

/** Like sendApiRequest, for setup steps that must succeed. */
export async function requireApi<T>(baseUrl: string, method: 'GET' | 'POST', path: string, options: Caller & { body?: unknown } = {}): Promise<T> {
  const response = await sendApiRequest(baseUrl, method, path, options);
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export interface SignInAttempt {
  status: number;
  ms: number;
  requestId: string;
  /** Set when the server answered 200 with the cookie and the CSRF token. */
  session?: SignedInSession;
}

/** POST /api/auth/login from the given address; keeps the cookie and CSRF token when it succeeds. Throws only when no response came back. */
export async function attemptSignIn(baseUrl: string, email: string, password: string, forwardedFor?: string): Promise<SignInAttempt> {
  const requestId = nextRequestId();
  const start = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: buildHeaders('POST', { forwardedFor }, true, requestId),
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(SIGN_IN_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { csrfToken?: string };
  const ms = performance.now() - start;
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('telar_session='))?.split(';')[0];
  const session = response.status === 200 && cookie && body.csrfToken ? { email, cookie, csrfToken: body.csrfToken } : undefined;
  return { status: response.status, ms, requestId, session };
}

/** Signs in (POST /api/auth/login) and keeps the cookie and CSRF token; throws if that fails. */
export async function signIn(baseUrl: string, email: string, password: string, forwardedFor?: string): Promise<SignedInSession> {
  const attempt = await attemptSignIn(baseUrl, email, password, forwardedFor);
  if (!attempt.session) throw new Error(`Could not sign in as ${email}: ${attempt.status}`);
  return attempt.session;
}
