import type { ApiErrorBody, ExistingRecordRef, FieldIssue } from '@telar/domain';

/** Query-string values; empty ones are left out so URLs stay short and cacheable. A list repeats its parameter (`where=a&where=b`). */
export type QueryParams = Record<string, string | number | boolean | readonly string[] | null | undefined>;

/** A failed API call: HTTP status, the server's stable code, field issues and the raw body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** On a duplicate, the record already there (to link to it). */
  get existing(): ExistingRecordRef | undefined {
    return isApiErrorBody(this.body) ? this.body.error.existing : undefined;
  }

  /** A stale version (someone else saved first); other 409s, such as duplicates, are not this. */
  get isConflict(): boolean {
    return this.code === 'conflict';
  }

  /** No session, or it expired: the person has to sign in (a failed sign-in has its own code). */
  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code === 'unauthenticated';
  }
}

/**
 * The signed-in session's CSRF token, sent with every write. It lives in memory only (from the
 * sign-in answer or /auth/me), so another site's page can neither read nor send it.
 */
let csrfToken: string | null = null;

/** Keeps (or, on sign-out, forgets) the token the server gave this session. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

function buildHeaders(method: string, isJson: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (isJson) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** Builds "/api/<path>?a=1&b=x" skipping blank parameters. */
export function buildApiUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) {
      for (const item of value as readonly string[]) if (item !== '') search.append(key, item);
    } else if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && 'error' in body && typeof (body as ApiErrorBody).error?.code === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function sendRequest<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  // Multipart bodies go as they are: the browser writes their Content-Type with the boundary.
  const isJson = body !== undefined && !(body instanceof FormData);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      headers: buildHeaders(method, isJson),
      body: isJson ? JSON.stringify(body) : (body as FormData | undefined),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'network');
  }
  const payload = await readBody(response);
  if (response.ok) return payload as T;
  if (isApiErrorBody(payload)) {
    throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.issues ?? [], payload);
  }
  throw new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`, [], payload);
}

/** GET a JSON resource. */
export function getJson<T>(path: string, query?: QueryParams, signal?: AbortSignal): Promise<T> {
  return sendRequest<T>('GET', buildApiUrl(path, query), undefined, signal);
}

/** POST (or PUT, to replace) a multipart form (a file upload) and read the JSON answer. */
export function sendFormData<T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return sendRequest<T>(method, buildApiUrl(path), form);
}

/** DELETE a resource; answers nothing (204). */
export function sendDelete(path: string): Promise<void> {
  return sendRequest<void>('DELETE', buildApiUrl(path));
}

/** POST or PATCH a JSON body (or nothing) and read the JSON answer (null for 204). */
export function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
  return sendRequest<T>(method, buildApiUrl(path), body);
}
