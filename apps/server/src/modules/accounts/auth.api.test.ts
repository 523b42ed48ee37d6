import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { systemActor } from '../../platform/auth/actor.js';
import { createAuthService } from './auth.service.js';
import { createTestContext, signIn, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
let app: ReturnType<typeof createApp>;
const password = 'clave-larga-de-prueba-99';

beforeAll(async () => {
  ctx = await createTestContext();
  app = createApp({ db: ctx.handle.db, loginAttemptsPerMinute: 1_000 });
  for (const email of ['lectora@prueba.telar.mx', 'bloqueo@prueba.telar.mx']) await createReader(email);
});
afterAll(() => ctx.close());

const createReader = (email: string, auth = createAuthService(ctx.handle.db)) =>
  auth.createUser(systemActor('test'), { email, name: 'Lectora', password, roles: [{ role: 'reader', bodyId: null, organizationId: null }] });

const login = (email: string, pass: string) =>
  app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: pass }) });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and never returns the password hash', async () => {
    const response = await login('LECTORA@prueba.telar.mx', password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^telar_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await response.json();
    expect(me).toMatchObject({ email: 'lectora@prueba.telar.mx', roles: [{ role: 'reader' }] });
    expect(JSON.stringify(me)).not.toMatch(/argon2/);
  });

  it('answers an unknown account, a wrong password and a locked account alike', async () => {
    const unknown = await login('nadie@prueba.telar.mx', 'otra-clave-cualquiera-1');
    const wrong = await login('lectora@prueba.telar.mx', 'otra-clave-cualquiera-1');
    for (let i = 0; i < 5; i++) await login('bloqueo@prueba.telar.mx', `equivocada-${i}-clave`);
    const locked = await login('bloqueo@prueba.telar.mx', password);
    const answers = await Promise.all([unknown, wrong, locked].map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(answers[0]).toMatchObject({ status: 401, body: { error: { code: 'login_failed' } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('counts every one of 60 parallel wrong sign-ins: the right password among or after them is refused', async () => {
    const email = 'paralelo@prueba.telar.mx';
    await createReader(email);
    const attempts = Array.from({ length: 61 }, (_, i) => (i === 30 ? password : `equivocada-${i}-clave`));
    const statuses = await Promise.all(attempts.map(async (pass) => (await login(email, pass)).status));
    expect(statuses.filter((s) => s !== 401)).toEqual([]);
    const after = await login(email, password);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('login_failed');
  });

  it('releases the lock once its window has passed', async () => {
    const email = 'ventana@prueba.telar.mx';
    const auth = createAuthService(ctx.handle.db, { maxFailures: 5, lockSeconds: 1 });
    await createReader(email, auth);
    for (let i = 0; i < 5; i++) await expect(auth.login({ email, password: `equivocada-${i}-clave` })).rejects.toMatchObject({ code: 'login_failed' });
    await expect(auth.login({ email, password })).rejects.toMatchObject({ code: 'login_failed' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(auth.login({ email, password })).resolves.toMatchObject({ me: { email } });
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const email = 'olvido@prueba.telar.mx';
    await createReader(email);
    for (let i = 0; i < 4; i++) await login(email, `equivocada-${i}-clave`);
    expect((await login(email, password)).status).toBe(200);
    for (let i = 0; i < 4; i++) await login(email, `equivocada-${i}-clave`);
    expect((await login(email, password)).status).toBe(200);
  });

  it('refuses weak passwords with a field message', async () => {
    const response = await ctx.api('POST', '/users', { email: 'debil@prueba.telar.mx', name: 'Débil', password: 'corta1', roles: [{ role: 'reader' }] });
    expect(response.status).toBe(422);
    expect(response.body.error.issues[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/12 caracteres/) });
  });
});

describe('sessions', () => {
  const session = () => signIn(app, 'lectora@prueba.telar.mx', password);
  const me = (s: { cookie: string }) => app.request('/api/auth/me', { headers: { Cookie: s.cookie } });

  it('refuses a write without the CSRF token even with a valid cookie', async () => {
    const s = await session();
    const response = await app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: s.cookie } });
    expect(response.status).toBe(403);
    expect((await me(s)).status).toBe(200);
  });

  it('signs out one session, and everywhere', async () => {
    const first = await session();
    const second = await session();
    await app.request('/api/auth/logout', { method: 'POST', headers: { Cookie: first.cookie, 'X-CSRF-Token': first.csrfToken } });
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);

    const third = await session();
    await app.request('/api/auth/logout-everywhere', { method: 'POST', headers: { Cookie: second.cookie, 'X-CSRF-Token': second.csrfToken } });
    expect((await me(second)).status).toBe(401);
    expect((await me(third)).status).toBe(401);
  });

  it('keeps internal data from anonymous callers', async () => {
    for (const path of ['/dashboard', '/organizations', '/sessions', '/agreements', '/bodies']) {
      expect((await ctx.anonymous('GET', path)).status, path).toBe(401);
    }
  });
});
