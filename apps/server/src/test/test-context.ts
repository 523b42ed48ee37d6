import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../app.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/client.js';
import { prepareDatabase } from '../platform/db/open.js';
import type { Role } from '@telar/domain';
import { systemActor } from '../platform/auth/actor.js';
import { createAuthService } from '../modules/accounts/index.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** Which database this test project runs against (set per Vitest project). */
export const testDatabaseKind = (process.env.TELAR_TEST_DB ?? 'pglite') as TestDatabaseKind;

/** A fresh, migrated database: in-memory PGlite, or a new database in the run's PostgreSQL cluster. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseKind === 'pglite') {
    const handle = await openDatabase({});
    await prepareDatabase(handle);
    return handle;
  }
  const handle = await openDatabase({ url: await createEmptyPostgresDatabase() });
  await prepareDatabase(handle);
  return handle;
}

/** The URL of a new, empty database in the run's PostgreSQL cluster. */
export async function createEmptyPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresUrl');
  const name = `telar_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}

type ApiCall = <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T; headers: Headers }>;

export interface TestContext {
  handle: DatabaseHandle;
  /** Calls the API like a browser of a signed-in administrator would: JSON (or FormData) in, status and parsed body out. */
  api: ApiCall;
  /** The same, with no session: what the public gets. */
  anonymous: ApiCall;
  /** A raw request as the administrator (multipart uploads, downloads). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A raw request with no session (malformed bodies, headers). */
  anonymousRequest(path: string, init?: RequestInit): Promise<Response>;
  /** Creates an account with these roles, signs it in and returns its client. */
  signInAs(roles: RoleGrantInput[]): Promise<ApiCall>;
  /** Signs in an account that exists already and returns its client. */
  signInWith(email: string, password: string): Promise<ApiCall>;
  close(): Promise<void>;
}

type RoleGrantInput = { role: Role; bodyId?: string; organizationId?: string };

/** The password of every account the context makes. */
export const TEST_PASSWORD = 'contraseña-de-prueba-2024';

/** A client that keeps the session cookie and sends the CSRF token, as the web app does. */
export function createClient(app: ReturnType<typeof createApp>, session?: { cookie: string; csrfToken: string }): ApiCall {
  return async (method, path, body) => {
    const headers: Record<string, string> = {};
    const isForm = body instanceof FormData;
    if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
    if (session) Object.assign(headers, { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken });
    const payload = body === undefined ? undefined : isForm ? body : JSON.stringify(body);
    const response = await app.request(`/api${path}`, { method, headers, body: payload });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : type.startsWith('text/') ? await response.text() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

/** Signs in through the API and returns the session a browser would keep. */
export async function signIn(app: ReturnType<typeof createApp>, email: string, password: string) {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

export async function createTestContext(): Promise<TestContext> {
  const handle = await openTestDatabase();
  // Tests sign in many accounts from one address; the rate limit itself is tested on its own app.
  const app = createApp({ db: handle.db, loginAttemptsPerMinute: 10_000 });
  const auth = createAuthService(handle.db);
  let accounts = 0;
  const signInAs = async (roles: RoleGrantInput[]) => {
    const email = `persona${++accounts}@prueba.telar.mx`;
    const grants = roles.map((r) => ({ bodyId: null, organizationId: null, ...r }));
    await auth.createUser(systemActor('test'), { email, name: `Persona ${accounts}`, password: TEST_PASSWORD, roles: grants });
    return createClient(app, await signIn(app, email, TEST_PASSWORD));
  };
  const adminSession = await (async () => {
    await auth.createUser(systemActor('test'), { email: 'admin@prueba.telar.mx', name: 'Administración', password: TEST_PASSWORD, roles: [{ role: 'admin', bodyId: null, organizationId: null }] });
    return signIn(app, 'admin@prueba.telar.mx', TEST_PASSWORD);
  })();
  return {
    handle,
    api: createClient(app, adminSession),
    request: async (path, init = {}) =>
      app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: adminSession.cookie, 'X-CSRF-Token': adminSession.csrfToken } }),
    anonymous: createClient(app),
    anonymousRequest: async (path, init) => app.request(path, init),
    signInAs,
    signInWith: async (email, password) => createClient(app, await signIn(app, email, password)),
    close: () => handle.close(),
  };
}
