import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../apps/server/src/test/postgres-cluster.js';
import { type ApiSession, type Credentials, signInApi } from './support/api-session.js';
import { createAdminWithCli, startTelarProcess, type TelarProcess } from './support/telar-server.js';

/** Two `telar serve` processes on one PostgreSQL database, as behind a load balancer: nothing that matters lives in one of them. */

const LOGIN_ATTEMPTS_PER_MINUTE = 6;
const admin: Credentials = { email: 'administracion@e2e.telar.mx', password: 'Dos-procesos-2024' };

let cluster: PostgresCluster;
let first: TelarProcess;
let second: TelarProcess;
/** Opened on the first process in beforeAll: one sign-in attempt already counted against 127.0.0.1. */
let session: ApiSession;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  const env = { ...process.env, DATABASE_URL: cluster.url, TELAR_LOGIN_ATTEMPTS_PER_MINUTE: String(LOGIN_ATTEMPTS_PER_MINUTE), TELAR_TRUST_PROXY: '' };
  // Started together on an empty database: one migrates while the other waits for it.
  const started = await Promise.allSettled([startTelarProcess(env), startTelarProcess(env)]);
  [first, second] = started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined)) as [TelarProcess, TelarProcess];
  for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
  await createAdminWithCli(env, admin);
  session = await signInApi(first.baseUrl, admin);
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  cluster?.stop();
});

const cookieOf = (s: ApiSession) => `${s.sessionCookie.name}=${s.sessionCookie.value}`;
const whoAmI = (server: TelarProcess, s: ApiSession) => fetch(`${server.baseUrl}/api/auth/me`, { headers: { Cookie: cookieOf(s) } });

describe('two server processes, one database', () => {
  it('counts sign-in attempts made on one process against the other', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 2; i++) {
      const server = i % 2 === 0 ? second : first;
      const response = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'nadie@e2e.telar.mx', password: 'otra-clave-cualquiera-1' }),
      });
      statuses.push(response.status);
    }
    // The administrator's sign-in on the first process used one attempt of the minute.
    const allowed = LOGIN_ATTEMPTS_PER_MINUTE - 1;
    expect(statuses).toEqual([...Array(allowed).fill(401), ...Array(statuses.length - allowed).fill(429)]);
  });

  it('honours on one process a session opened on the other, and ends it on both when signed out on either', async () => {
    const me = await whoAmI(second, session);
    expect(me.status).toBe(200);
    const { email, csrfToken } = (await me.json()) as { email: string; csrfToken: string };
    expect(email).toBe(admin.email);
    const logout = await fetch(`${second.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookieOf(session), 'X-CSRF-Token': csrfToken } });
    expect(logout.status).toBe(204);
    expect((await whoAmI(first, session)).status).toBe(401);
  });
});
