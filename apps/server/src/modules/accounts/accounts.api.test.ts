import type { Role } from '@telar/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { systemActor } from '../../platform/auth/actor.js';
import { createClient, createTestContext, signIn, testDatabaseKind, type TestContext } from '../../test/test-context.js';
import { createAccountService } from './accounts.service.js';
import { createAuthService } from './auth.service.js';

let ctx: TestContext;
let app: ReturnType<typeof createApp>;
let auth: ReturnType<typeof createAuthService>;
const ids: Record<string, string> = {};
let adminId: string;
const PASSWORD = 'clave-de-cuentas-2024';
const NEW_PASSWORD = 'otra-clave-distinta-77';

type Client = TestContext['api'];
interface Account {
  id: string;
  email: string;
}
type UserRow = Account & { version: number; roles: { role: string }[] };

beforeAll(async () => {
  ctx = await createTestContext();
  app = createApp({ db: ctx.handle.db, loginAttemptsPerMinute: 10_000 });
  auth = createAuthService(ctx.handle.db);
  ids.body = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de Cuentas', acronym: 'CC', level: 'national' })).body.id;
  ids.organization = (await ctx.api('POST', '/organizations', { name: 'Organización de Cuentas', acronym: 'OC', sector: 'civil_society', level: 'none' })).body.id;
  adminId = (await ctx.api('GET', '/auth/me')).body.id;
});
afterAll(() => ctx.close());

let accounts = 0;
/** An account made by the system (no forced password change), with one role. */
async function createAccount(role: Role = 'reader', name = `Cuenta ${accounts + 1}`, scope: { bodyId?: string; organizationId?: string } = {}): Promise<Account> {
  const email = `cuenta${++accounts}@prueba.telar.mx`;
  const { id } = await auth.createUser(systemActor('test'), { email, name, password: PASSWORD, roles: [{ role, bodyId: null, organizationId: null, ...scope }] });
  return { id, email };
}

/** A signed-in client of that account. */
async function signInClient(email: string, password = PASSWORD): Promise<Client> {
  return createClient(app, await signIn(app, email, password));
}

const isAdmin = (user: UserRow) => user.roles.some((r) => r.role === 'admin');

/** Leaves the context's administrator as the only active one (tests before may have made others). */
async function deactivateOtherAdmins() {
  const others = (await ctx.api('GET', '/users?isActive=true&pageSize=500')).body.items.filter((u: UserRow) => u.id !== adminId && isAdmin(u));
  for (const other of others) expect((await ctx.api('POST', `/users/${other.id}/deactivate`, { version: other.version })).status).toBe(204);
}

const version = async (id: string) => (await ctx.api('GET', `/users/${id}`)).body.version as number;
const history = async (id: string) => (await ctx.api('GET', `/history/user/${id}`)).body as { action: string; actor: string; changes: Record<string, unknown> }[];
const login = (email: string, password: string) =>
  app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('listing and reading accounts', () => {
  it('finds accounts by name without accents or by e-mail, pages them and shows their roles', async () => {
    const maria = await createAccount('secretariat', 'María Ñúñez', { bodyId: ids.body });
    await createAccount('reader', 'Mario Pérez');
    const byName = await ctx.api('GET', '/users?q=maria%20nunez');
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([
      expect.objectContaining({
        id: maria.id,
        email: maria.email,
        isActive: true,
        mustChangePassword: false,
        roles: [{ role: 'secretariat', bodyId: ids.body, organizationId: null, body: { id: ids.body, name: 'Comisión de Cuentas', acronym: 'CC' }, organization: null }],
      }),
    ]);
    expect(JSON.stringify(byName.body)).not.toMatch(/argon2|passwordHash/);
    expect((await ctx.api('GET', `/users?q=${encodeURIComponent(maria.email.toUpperCase())}`)).body.items.map((u: Account) => u.id)).toEqual([maria.id]);

    const firstPage = await ctx.api('GET', '/users?q=mar&pageSize=1');
    const secondPage = await ctx.api('GET', '/users?q=mar&pageSize=1&page=2');
    expect(firstPage.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect([...firstPage.body.items, ...secondPage.body.items].map((u: { name: string }) => u.name)).toEqual(['María Ñúñez', 'Mario Pérez']);
  });

  it('takes % and _ in the search literally', async () => {
    expect((await ctx.api('GET', '/users?q=%25')).body.total).toBe(0);
    expect((await ctx.api('GET', '/users?q=_')).body.total).toBe(0);
  });

  it('filters active and deactivated accounts', async () => {
    const gone = await createAccount('reader', 'Cuenta inactiva');
    expect((await ctx.api('POST', `/users/${gone.id}/deactivate`, { version: await version(gone.id) })).status).toBe(204);
    const inactive = (await ctx.api('GET', '/users?isActive=false')).body.items.map((u: Account) => u.id);
    const active = (await ctx.api('GET', '/users?isActive=true&pageSize=500')).body.items.map((u: Account) => u.id);
    expect(inactive).toContain(gone.id);
    expect(active).not.toContain(gone.id);
    expect(active).toContain(adminId);
    const invalid = await ctx.api('GET', '/users?isActive=quiza');
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues[0].path).toBe('isActive');
  });

  it('is for administrators only', async () => {
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.body }]);
    expect((await secretariat('GET', '/users')).status).toBe(403);
    expect((await secretariat('GET', `/users/${adminId}`)).status).toBe(403);
    expect((await ctx.anonymous('GET', '/users')).status).toBe(401);
    expect((await ctx.api('GET', '/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('changing roles', () => {
  it('replaces the roles and the name, audits both, and the person’s session sees the new roles at once', async () => {
    const person = await createAccount('reader', 'Persona por cambiar');
    const session = await signInClient(person.email);
    const response = await ctx.api('PATCH', `/users/${person.id}`, {
      name: 'Persona con rol',
      roles: [{ role: 'enlace', organizationId: ids.organization }, { role: 'secretariat', bodyId: ids.body, organizationId: ids.organization }],
      version: await version(person.id),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Persona con rol',
      version: 2,
      // The scope a role does not use is dropped; roles come broadest first.
      roles: [
        { role: 'secretariat', bodyId: ids.body, organizationId: null },
        { role: 'enlace', bodyId: null, organizationId: ids.organization, organization: { name: 'Organización de Cuentas' } },
      ],
    });
    expect((await session('GET', '/auth/me')).body.roles).toHaveLength(2);
    const [entry] = await history(person.id);
    expect(entry).toMatchObject({ action: 'update', actor: 'admin@prueba.telar.mx' });
    expect(entry!.changes.name).toEqual(['Persona por cambiar', 'Persona con rol']);
    expect(entry!.changes.roles).toEqual([[{ role: 'reader', bodyId: null, organizationId: null }], expect.any(Array)]);
  });

  it('refuses unknown bodies and organisations by field, in Spanish, and changes nothing', async () => {
    const person = await createAccount();
    const before = await version(person.id);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const response = await ctx.api('PATCH', `/users/${person.id}`, {
      roles: [{ role: 'reader' }, { role: 'secretariat', bodyId: unknown }, { role: 'enlace', organizationId: unknown }],
      version: before,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.issues).toEqual([
      { path: 'roles.1.bodyId', message: 'El órgano no existe o está archivado.' },
      { path: 'roles.2.organizationId', message: 'La organización no existe o está archivada.' },
    ]);
    expect(await version(person.id)).toBe(before);
    expect((await ctx.api('GET', `/users/${person.id}`)).body.roles).toMatchObject([{ role: 'reader' }]);

    const created = await ctx.api('POST', '/users', { email: 'sin-organo@prueba.telar.mx', name: 'Sin órgano', password: PASSWORD, roles: [{ role: 'secretariat', bodyId: unknown }] });
    expect(created.status).toBe(422);
    expect(created.body.error.issues).toEqual([{ path: 'roles.0.bodyId', message: 'El órgano no existe o está archivado.' }]);
    expect((await ctx.api('GET', '/users?q=sin-organo')).body.total).toBe(0);
  });

  it('refuses no roles, a repeated role and a scope-less secretariat', async () => {
    const person = await createAccount();
    const v = await version(person.id);
    const empty = await ctx.api('PATCH', `/users/${person.id}`, { roles: [], version: v });
    expect(empty.body.error.issues).toEqual([{ path: 'roles', message: 'Asigne al menos un rol.' }]);
    const repeated = await ctx.api('PATCH', `/users/${person.id}`, { roles: [{ role: 'reader' }, { role: 'reader' }], version: v });
    expect(repeated.body.error.issues).toEqual([{ path: 'roles.1.role', message: 'Este rol ya está en la lista.' }]);
    const scopeless = await ctx.api('PATCH', `/users/${person.id}`, { roles: [{ role: 'secretariat' }], version: v });
    expect(scopeless.body.error.issues).toEqual([{ path: 'roles.0.bodyId', message: 'La secretaría técnica necesita su órgano.' }]);
    expect(await version(person.id)).toBe(v);
  });

  it('refuses an edit based on a stale version', async () => {
    const person = await createAccount();
    const v = await version(person.id);
    expect((await ctx.api('PATCH', `/users/${person.id}`, { name: 'Primera', version: v })).status).toBe(200);
    const stale = await ctx.api('PATCH', `/users/${person.id}`, { name: 'Segunda', version: v });
    expect(stale.status).toBe(409);
    expect((await ctx.api('GET', `/users/${person.id}`)).body.name).toBe('Primera');
  });

  it('is for administrators only', async () => {
    const person = await createAccount();
    const enlace = await ctx.signInAs([{ role: 'enlace', organizationId: ids.organization }]);
    const response = await enlace('PATCH', `/users/${person.id}`, { roles: [{ role: 'admin' }], version: await version(person.id) });
    expect(response.status).toBe(403);
    expect((await ctx.api('GET', `/users/${person.id}`)).body.roles).toMatchObject([{ role: 'reader' }]);
  });
});

describe('the last active administrator', () => {
  it('cannot lose the admin role nor be deactivated, and an administrator cannot deactivate themselves', async () => {
    // Other administrators made by earlier tests would hide the rule: deactivate them first.
    await deactivateOtherAdmins();

    const demote = await ctx.api('PATCH', `/users/${adminId}`, { roles: [{ role: 'reader' }], version: await version(adminId) });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({ code: 'last_admin', issues: [{ path: 'roles' }] });

    const self = await ctx.api('POST', `/users/${adminId}/deactivate`, { version: await version(adminId) });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('own_account');

    // Only the system (the command line) could try; it is refused too.
    const system = createAccountService(ctx.handle.db, systemActor('cli'));
    await expect(system.deactivate(adminId, await version(adminId))).rejects.toMatchObject({ code: 'last_admin' });
    expect((await ctx.api('GET', `/users/${adminId}`)).body).toMatchObject({ isActive: true, roles: [{ role: 'admin' }] });

    // While another administrator remains, one may step down.
    const second = await createAccount('admin', 'Segunda administración');
    const secondClient = await signInClient(second.email);
    expect((await secondClient('PATCH', `/users/${second.id}`, { roles: [{ role: 'reader' }], version: await version(second.id) })).status).toBe(200);
    expect((await ctx.api('GET', `/users/${second.id}`)).body.roles).toMatchObject([{ role: 'reader' }]);
  });
});

describe('deactivating and reactivating', () => {
  it('ends the person’s sessions and keeps them out; reactivating lets them sign in again but does not revive old sessions', async () => {
    const person = await createAccount('reader', 'Persona que se va');
    const session = await signInClient(person.email);
    expect((await session('GET', '/auth/me')).status).toBe(200);

    expect((await ctx.api('POST', `/users/${person.id}/deactivate`, { version: await version(person.id) })).status).toBe(204);
    expect((await session('GET', '/auth/me')).status).toBe(401);
    expect((await login(person.email, PASSWORD)).status).toBe(401);
    expect((await ctx.api('GET', `/users/${person.id}`)).body.isActive).toBe(false);

    expect((await ctx.api('POST', `/users/${person.id}/reactivate`, { version: await version(person.id) })).status).toBe(204);
    expect((await session('GET', '/auth/me')).status).toBe(401);
    expect((await login(person.email, PASSWORD)).status).toBe(200);

    const [reactivated, deactivated] = await history(person.id);
    expect(reactivated).toMatchObject({ action: 'reactivate', changes: { isActive: [false, true] } });
    expect(deactivated).toMatchObject({ action: 'deactivate', actor: 'admin@prueba.telar.mx', changes: { isActive: [true, false] } });
  });

  it('refuses a stale version, and callers who are not administrators', async () => {
    const person = await createAccount();
    const v = await version(person.id);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', `/users/${person.id}/deactivate`, { version: v })).status).toBe(403);
    expect((await ctx.anonymous('POST', `/users/${person.id}/deactivate`, { version: v })).status).toBe(401);
    expect((await ctx.api('POST', `/users/${person.id}/deactivate`, { version: v + 1 })).status).toBe(409);
    expect((await ctx.api('GET', `/users/${person.id}`)).body.isActive).toBe(true);
  });
});

describe('signing a person out', () => {
  it('ends every session of that person and records who did it', async () => {
    const person = await createAccount();
    const first = await signInClient(person.email);
    const second = await signInClient(person.email);
    expect((await ctx.api('POST', `/users/${person.id}/sign-out`)).status).toBe(204);
    expect((await first('GET', '/auth/me')).status).toBe(401);
    expect((await second('GET', '/auth/me')).status).toBe(401);
    expect((await login(person.email, PASSWORD)).status).toBe(200);
    expect((await history(person.id))[0]).toMatchObject({ action: 'sign_out', actor: 'admin@prueba.telar.mx' });
  });

  it('is for administrators only', async () => {
    const person = await createAccount();
    const session = await signInClient(person.email);
    const other = await ctx.signInAs([{ role: 'secretariat', bodyId: ids.body }]);
    expect((await other('POST', `/users/${person.id}/sign-out`)).status).toBe(403);
    expect((await session('GET', '/auth/me')).status).toBe(200);
    expect((await ctx.api('POST', '/users/00000000-0000-4000-8000-000000000000/sign-out')).status).toBe(404);
  });
});

describe('changing one’s own password', () => {
  it('needs the current password and a new one that follows the rules, changing nothing otherwise', async () => {
    const person = await createAccount();
    const session = await signInClient(person.email);
    const attempts = [
      [{ currentPassword: 'no-es-la-clave-1', newPassword: NEW_PASSWORD }, 'currentPassword', 'La contraseña actual no es correcta.'],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword', 'La nueva contraseña debe ser distinta de la actual.'],
      [{ currentPassword: PASSWORD, newPassword: 'corta1' }, 'newPassword', 'La contraseña debe tener al menos 12 caracteres.'],
      [{ currentPassword: PASSWORD, newPassword: `${person.email.split('@')[0]}-clave-2024` }, 'newPassword', 'La contraseña no debe contener su correo.'],
    ] as const;
    for (const [body, path, message] of attempts) {
      const response = await session('POST', '/auth/password', body);
      expect(response.status, path).toBe(422);
      expect(response.body.error.issues).toContainEqual({ path, message });
    }
    expect((await login(person.email, PASSWORD)).status).toBe(200);
  });

  it('keeps this session, ends the others, and audits the change', async () => {
    const person = await createAccount();
    const here = await signInClient(person.email);
    const elsewhere = await signInClient(person.email);
    expect((await here('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await here('GET', '/auth/me')).status).toBe(200);
    expect((await elsewhere('GET', '/auth/me')).status).toBe(401);
    expect((await login(person.email, PASSWORD)).status).toBe(401);
    expect((await login(person.email, NEW_PASSWORD)).status).toBe(200);
    expect((await history(person.id))[0]).toMatchObject({ action: 'password_change', actor: person.email, changes: {} });
    expect(JSON.stringify(await history(person.id))).not.toContain(NEW_PASSWORD);
  });

  it('needs a session', async () => {
    expect((await ctx.anonymous('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
  });
});

describe('a password set by someone else', () => {
  it('must be changed at first sign-in: until then only who-am-I, the change itself and signing out answer', async () => {
    const created = await ctx.api('POST', '/users', { email: 'primera-vez@prueba.telar.mx', name: 'Primera vez', password: PASSWORD, roles: [{ role: 'reader' }] });
    expect(created.status).toBe(201);
    const signedIn = await login('primera-vez@prueba.telar.mx', PASSWORD);
    expect(await signedIn.json()).toMatchObject({ mustChangePassword: true });
    const session = await signInClient('primera-vez@prueba.telar.mx');

    expect((await session('GET', '/auth/me')).body.mustChangePassword).toBe(true);
    for (const [method, path] of [['GET', '/dashboard'], ['GET', '/organizations'], ['GET', '/auth/sessions'], ['POST', '/auth/logout-everywhere']] as const) {
      const refused = await session(method, path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'password_change_required', message: expect.stringMatching(/cambiar la contraseña/) });
    }
    // The public portal answers as it does to anyone.
    expect((await session('GET', '/public/sessions')).status).toBe(200);

    expect((await session('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await session('GET', '/auth/me')).body.mustChangePassword).toBe(false);
    expect((await session('GET', '/dashboard')).status).toBe(200);
    expect((await history(created.body.id))[0]).toMatchObject({ action: 'password_change', changes: { mustChangePassword: [true, false] } });
  });

  it('lets the person sign out while the change is pending', async () => {
    await ctx.api('POST', '/users', { email: 'se-va@prueba.telar.mx', name: 'Se va', password: PASSWORD, roles: [{ role: 'reader' }] });
    const session = await signInClient('se-va@prueba.telar.mx');
    expect((await session('POST', '/auth/logout')).status).toBe(204);
    expect((await session('GET', '/auth/me')).status).toBe(401);
  });

  it('is required again after an administrator resets the password, which also ends the person’s sessions', async () => {
    const person = await createAccount('reader', 'Olvidó su clave');
    const session = await signInClient(person.email);
    const reset = await ctx.api('POST', `/users/${person.id}/password`, { password: 'temporal-de-la-mesa-1' });
    expect(reset.status).toBe(204);
    expect((await session('GET', '/auth/me')).status).toBe(401);
    expect((await login(person.email, PASSWORD)).status).toBe(401);
    const afterReset = await signInClient(person.email, 'temporal-de-la-mesa-1');
    expect((await afterReset('GET', '/auth/me')).body.mustChangePassword).toBe(true);
    expect((await afterReset('GET', '/dashboard')).status).toBe(403);
    expect((await history(person.id))[0]).toMatchObject({ action: 'password_reset', actor: 'admin@prueba.telar.mx', changes: { mustChangePassword: [false, true] } });
    expect(JSON.stringify(await history(person.id))).not.toContain('temporal-de-la-mesa-1');

    const weak = await ctx.api('POST', `/users/${person.id}/password`, { password: 'corta' });
    expect(weak.status).toBe(422);
    expect(weak.body.error.issues[0].path).toBe('password');
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', `/users/${person.id}/password`, { password: 'temporal-de-lectura-2' })).status).toBe(403);
    expect((await login(person.email, 'temporal-de-lectura-2')).status).toBe(401);
  });
});

describe('one’s own sessions', () => {
  it('lists the live sessions with when they started and were last used, and ends one of them', async () => {
    const person = await createAccount();
    const there = await signInClient(person.email);
    const here = await signInClient(person.email);

    const listed = await here('GET', '/auth/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);
    const other = listed.body.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect(other).toEqual({ id: expect.any(String), createdAt: expect.stringMatching(/Z$/), lastSeenAt: expect.stringMatching(/Z$/), expiresAt: expect.stringMatching(/Z$/), isCurrent: false });

    expect((await here('POST', `/auth/sessions/${other.id}/sign-out`)).status).toBe(204);
    expect((await there('GET', '/auth/me')).status).toBe(401);
    expect((await here('GET', '/auth/sessions')).body).toHaveLength(1);
    expect((await history(person.id))[0]).toMatchObject({ action: 'sign_out', actor: person.email, changes: { session: [other.id, null] } });
  });

  it('moves the last-seen time forward when an old session is used again', async () => {
    const person = await createAccount();
    const session = await signInClient(person.email);
    await ctx.handle.db.execute(sql`update auth_sessions set last_seen_at = now() - interval '1 hour' where user_id = ${person.id}`);
    // This very request counts as a use: the list already shows it.
    const [seen] = (await session('GET', '/auth/sessions')).body;
    expect(Date.now() - Date.parse(seen.lastSeenAt)).toBeLessThan(60_000);
  });

  it('cannot end someone else’s session', async () => {
    const owner = await createAccount();
    const ownerSession = await signInClient(owner.email);
    const [session] = (await ownerSession('GET', '/auth/sessions')).body;
    const intruder = await ctx.signInAs([{ role: 'reader' }]);
    expect((await intruder('POST', `/auth/sessions/${session.id}/sign-out`)).status).toBe(404);
    expect((await ctx.api('POST', `/auth/sessions/${session.id}/sign-out`)).status).toBe(404);
    expect((await ownerSession('GET', '/auth/me')).status).toBe(200);
    expect((await ctx.anonymous('GET', '/auth/sessions')).status).toBe(401);
  });
});

// Last: the context's administrator may end up deactivated here, and its session with it.
describe('two administrators deactivating each other at the same moment', () => {
  it.runIf(testDatabaseKind === 'postgres')('leaves one of them active', async () => {
    await deactivateOtherAdmins();
    const rival = await createAccount('admin', 'Administración rival');
    const rivalClient = await signInClient(rival.email);
    const [adminVersion, rivalVersion] = [await version(adminId), await version(rival.id)];
    const results = await Promise.all([
      ctx.api('POST', `/users/${rival.id}/deactivate`, { version: rivalVersion }),
      rivalClient('POST', `/users/${adminId}/deactivate`, { version: adminVersion }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('last_admin');
    const survivor = results[0]!.status === 204 ? ctx.api : rivalClient;
    const active = (await survivor('GET', '/users?isActive=true&pageSize=500')).body.items.filter(isAdmin);
    expect(active).toHaveLength(1);
  });
});
