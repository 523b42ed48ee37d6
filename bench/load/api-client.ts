import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** A signed-in browser session: the session cookie and the CSRF token writes must carry. */
export interface SignedInSession {
  email: string;
  cookie: string;
  csrfToken: string;
}

/** Who sends a request: as whom (or anonymously), from which client address, over which connection. */
export interface Caller {
  session?: SignedInSession;
  /**
   * The client address the request claims to come from, sent as X-Forwarded-For: the server, told to
   * trust one proxy hop (TELAR_TRUST_PROXY=1), takes it as the client's, so each virtual user has its
   * own address as real people do, and the per-address sign-in limit applies to each on its own.
   * Addresses are from 198.18.0.0/15, the range set aside for benchmarks (RFC 2544); no packet goes there.
   */
  forwardedFor?: string;
  /**
   * The user's own keep-alive connection, as a person's browser has: one socket, reused from one
   * request to the next. (A pool shared by 200 users, as fetch's, opens and drops connections as the
   * number of requests in flight rises and falls — churn no set of browsers produces.)
   */
  agent?: http.Agent;
}

/** One connection per virtual user, kept alive between requests. */
export const createUserAgent = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface ApiResponse {
  status: number;
  body: unknown;
  /** From sending the request to having read the whole body. */
  ms: number;
  /** Sent as X-Request-Id, which the server keeps (hono's requestId) and the server probe reports by. */
  requestId: string;
  /** Wall-clock ms (performance.timeOrigin + now, comparable across processes) at which the request was sent. */
  sentAt: number;
  /** Wall-clock ms at which the whole request had been handed to the socket (after connecting, on a new connection). */
  writtenAt: number;
  /** Whether it went over a connection opened for it. */
  isNewConnection: boolean;
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
const wallClock = () => performance.timeOrigin + performance.now();

/** Failures carry `kind` so callers can tell a refused connection (nothing sent) from a timeout or a broken one. */
export class RequestFailure extends Error {
  constructor(
    readonly kind: 'refused' | 'timeout' | 'broken',
    cause: unknown,
  ) {
    super(`request ${kind}`, { cause });
  }
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
  sentAt: number;
  writtenAt: number;
  isNewConnection: boolean;
}

function sendRaw(url: string, method: string, headers: Record<string, string>, body: string | undefined, agent: http.Agent | undefined, timeoutMs: number): Promise<RawResponse> {
  const start = performance.now();
  const sentAt = performance.timeOrigin + start;
  let writtenAt = Number.NaN;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent });
    const timer = setTimeout(() => request.destroy(new RequestFailure('timeout', new Error(`no answer within ${timeoutMs} ms`))), timeoutMs);
    request.once('finish', () => {
      writtenAt = wallClock();
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error instanceof RequestFailure ? error : new RequestFailure(error.code === 'ECONNREFUSED' ? 'refused' : 'broken', error));
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - start,
          sentAt,
          writtenAt,
          isNewConnection: !request.reusedSocket,
        });
      });
      response.once('error', (error) => {
        clearTimeout(timer);
        reject(new RequestFailure('broken', error));
      });
    });
    request.end(body);
  });
}

function buildHeaders(method: string, { session, forwardedFor }: Caller, hasBody: boolean, requestId: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-request-id': requestId };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

const parseBody = (raw: RawResponse) => (raw.text && String(raw.headers['content-type']).includes('json') ? JSON.parse(raw.text) : raw.text);

/**
 * One API call as the web app makes it: JSON in and out, the session cookie when signed in,
 * the CSRF header on writes. Throws a RequestFailure only when no HTTP response came back.
 */
export async function sendApiRequest(baseUrl: string, method: 'GET' | 'POST', path: string, options: Caller & { body?: unknown } = {}): Promise<ApiResponse> {
  const requestId = nextRequestId();
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const raw = await sendRaw(`${baseUrl}/api${path}`, method, buildHeaders(method, options, body !== undefined, requestId), body, options.agent, REQUEST_TIMEOUT_MS);
  return { status: raw.status, body: parseBody(raw), ms: raw.ms, requestId, sentAt: raw.sentAt, writtenAt: raw.writtenAt, isNewConnection: raw.isNewConnection };
}

/** Like sendApiRequest, for setup steps that must succeed. */
export async function requireApi<T>(baseUrl: string, method: 'GET' | 'POST', path: string, options: Caller & { body?: unknown } = {}): Promise<T> {
  const response = await sendApiRequest(baseUrl, method, path, options);
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export interface SignInAttempt extends Omit<ApiResponse, 'body'> {
  /** Set when the server answered 200 with the cookie and the CSRF token. */
  session?: SignedInSession;
}

/** POST /api/auth/login as `caller` (address, connection); keeps the cookie and CSRF token when it succeeds. Throws only when no response came back. */
export async function attemptSignIn(baseUrl: string, email: string, password: string, caller: Caller = {}): Promise<SignInAttempt> {
  const requestId = nextRequestId();
  const body = JSON.stringify({ email, password });
  const raw = await sendRaw(`${baseUrl}/api/auth/login`, 'POST', buildHeaders('POST', { forwardedFor: caller.forwardedFor }, true, requestId), body, caller.agent, SIGN_IN_TIMEOUT_MS);
  const answer = (() => {
    try {
      return JSON.parse(raw.text) as { csrfToken?: string };
    } catch {
      return {};
    }
  })();
  const cookie = (raw.headers['set-cookie'] ?? []).find((value) => value.startsWith('telar_session='))?.split(';')[0];
  const session = raw.status === 200 && cookie && answer.csrfToken ? { email, cookie, csrfToken: answer.csrfToken } : undefined;
  return { status: raw.status, ms: raw.ms, requestId, sentAt: raw.sentAt, writtenAt: raw.writtenAt, isNewConnection: raw.isNewConnection, session };
}

/** Signs in (POST /api/auth/login) and keeps the cookie and CSRF token; throws if that fails. */
export async function signIn(baseUrl: string, email: string, password: string, forwardedFor?: string): Promise<SignedInSession> {
  const attempt = await attemptSignIn(baseUrl, email, password, { forwardedFor });
  if (!attempt.session) throw new Error(`Could not sign in as ${email}: ${attempt.status}`);
  return attempt.session;
}
