import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createTestContext, type TestContext, TEST_PASSWORD } from '../../test/test-context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

interface QueuedMail {
  toAddress: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
}
const mailTo = (address: string) =>
  queryRows<QueuedMail>(
    ctx.handle.db,
    sql`select to_address as "toAddress", kind, subject, text_body as text, html_body as html from mail_outbox where to_address = ${address} order by created_at`,
  );
/** The secret of the link a mail carries, read from its text as a person would follow it. */
const tokenIn = (mail: QueuedMail | undefined) => /\/contrasena\/nueva\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
const check = (token: string) => ctx.anonymous('POST', '/auth/account-link/check', { token });
const choose = (token: string, password: string) => ctx.anonymous('POST', '/auth/account-link/password', { token, password });
const login = (email: string, password: string) => ctx.anonymous('POST', '/auth/login', { email, password });
const hoursUntil = (instant: string) => (Date.parse(instant) - Date.now()) / 3_600_000;
const NEW_PASSWORD = 'nueva contraseña 2026';

describe('inviting a person by e-mail', () => {
  it('creates the account without a password and queues a Spanish invitation whose link lasts 72 hours', async () => {
    const created = await ctx.api('POST', '/users', { email: 'Lucia.Mendez@Prueba.Telar.mx', name: 'Lucía Méndez', roles: [{ role: 'reader' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ email: 'lucia.mendez@prueba.telar.mx', isInvited: true });
    expect((await ctx.api('GET', `/users/${created.body.id}`)).body).toMatchObject({ isInvitationPending: true, mustChangePassword: false });

    const [mail, ...more] = await mailTo('lucia.mendez@prueba.telar.mx');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: 'account_invitation', subject: 'Invitación a Telar: elija su contraseña' });
    expect(mail!.text).toContain('Hola, Lucía Méndez:');
    expect(mail!.text).toContain('vence en 72 horas');
    expect(mail!.html).toContain(`/contrasena/nueva?token=${tokenIn(mail)}`);
    const link = await check(tokenIn(mail));
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ purpose: 'invitation', email: 'lucia.mendez@prueba.telar.mx', name: 'Lucía Méndez' });
    expect(hoursUntil(link.body.expiresAt)).toBeGreaterThan(71.9);
    expect(hoursUntil(link.body.expiresAt)).toBeLessThanOrEqual(72);
  });

  it("shows administrators the invitation in «Correos enviados» without the link's secret", async () => {
    const token = tokenIn((await mailTo('lucia.mendez@prueba.telar.mx'))[0]);
    const outbox = (await ctx.api('GET', '/outbox?pageSize=50')).body.items as { id: string; toAddress: string }[];
    const listed = outbox.find((mail) => mail.toAddress === 'lucia.mendez@prueba.telar.mx')!;
    const shown = (await ctx.api('GET', `/outbox/${listed.id}`)).body.text as string;
    expect(shown).toContain('/contrasena/nueva?token=[oculto]');
    expect(shown).not.toContain(token);
  });

  it('lets the invited person choose a password once, then sign in with it; the link is spent', async () => {
    const token = tokenIn((await mailTo('lucia.mendez@prueba.telar.mx'))[0]);
    const weak = await choose(token, 'corta1');
    expect(weak.status).toBe(422);
    expect(weak.body.error.issues[0].path).toBe('password');
    expect((await choose(token, 'lucia.mendez es 2026')).body.error.issues[0].path).toBe('password');
    // Refused passwords do not spend the link.
    expect((await choose(token, NEW_PASSWORD)).status).toBe(204);
    const again = await choose(token, 'otra contraseña 2027');
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_invalid');
    expect((await check(token)).status).toBe(410);
    expect((await login('lucia.mendez@prueba.telar.mx', NEW_PASSWORD)).status).toBe(200);
    expect((await login('lucia.mendez@prueba.telar.mx', 'otra contraseña 2027')).status).toBe(401);
  });

  it('sends the invitation again on request, the earlier link no longer working; not to someone who already chose a password', async () => {
    const created = await ctx.api('POST', '/users', { email: 'ramon@prueba.telar.mx', name: 'Ramón Gil', roles: [{ role: 'reader' }] });
    const first = tokenIn((await mailTo('ramon@prueba.telar.mx'))[0]);
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', `/users/${created.body.id}/invitation`)).status).toBe(403);
    expect((await ctx.api('POST', `/users/${created.body.id}/invitation`)).status).toBe(204);
    const mails = await mailTo('ramon@prueba.telar.mx');
    expect(mails).toHaveLength(2);
    expect((await check(first)).status).toBe(410);
    expect((await choose(tokenIn(mails[1]), NEW_PASSWORD)).status).toBe(204);
    const already = await ctx.api('POST', `/users/${created.body.id}/invitation`);
    expect(already.status).toBe(409);
    expect(already.body.error.code).toBe('invitation_not_pending');
  });

  it('refuses a link past its time', async () => {
    await ctx.api('POST', '/users', { email: 'tarde@prueba.telar.mx', name: 'Persona Tardía', roles: [{ role: 'reader' }] });
    const token = tokenIn((await mailTo('tarde@prueba.telar.mx'))[0]);
    await ctx.handle.db.execute(sql`update account_links set expires_at = now() - interval '1 second' where user_id = (select id from users where email = 'tarde@prueba.telar.mx')`);
    expect((await check(token)).status).toBe(410);
    expect((await choose(token, NEW_PASSWORD)).status).toBe(410);
  });
});

describe('«¿Olvidó su contraseña?»', () => {
  const email = 'olvido@prueba.telar.mx';
  beforeAll(async () => {
    await ctx.api('POST', '/users', { email, name: 'Olga Vidal', roles: [{ role: 'reader' }], password: TEST_PASSWORD });
  });

  it('answers the same whether or not the address has an account, and mails only an active account', async () => {
    const known = await ctx.anonymous('POST', '/auth/password-reset', { email: 'OLVIDO@prueba.telar.mx' });
    const unknown = await ctx.anonymous('POST', '/auth/password-reset', { email: 'nadie@prueba.telar.mx' });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.status).toBe(204);
    expect(await mailTo('nadie@prueba.telar.mx')).toEqual([]);
    const [mail] = await mailTo(email);
    expect(mail).toMatchObject({ kind: 'account_password_reset', subject: 'Telar: restablecer su contraseña' });
    expect(mail!.text).toContain('vence en una hora');
    const link = await check(tokenIn(mail));
    expect(link.body.purpose).toBe('password_reset');
    expect(hoursUntil(link.body.expiresAt)).toBeGreaterThan(0.9);
    expect(hoursUntil(link.body.expiresAt)).toBeLessThanOrEqual(1);
    // A second request within the minute sends nothing more: the first mail is on its way.
    await ctx.anonymous('POST', '/auth/password-reset', { email });
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('sets the new password once, unlocks the account and ends every session it had', async () => {
    const session = await ctx.signInWith(email, TEST_PASSWORD);
    expect((await session('GET', '/auth/me')).status).toBe(200);
    await ctx.handle.db.execute(sql`update users set failed_logins = 5, locked_until = now() + interval '15 minutes' where email = ${email}`);
    const token = tokenIn((await mailTo(email))[0]);
    expect((await choose(token, NEW_PASSWORD)).status).toBe(204);
    expect((await session('GET', '/auth/me')).status).toBe(401);
    expect((await login(email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    expect((await choose(token, 'otra contraseña 2027')).status).toBe(410);
    const history = (await ctx.api('GET', `/history/user/${(await ctx.api('GET', '/users?q=olvido')).body.items[0].id}`)).body as { shown: { action: string; who: string } }[];
    expect(history.map((entry) => entry.shown.action)).toEqual(
      expect.arrayContaining(['Enlace para restablecer la contraseña enviado por correo', 'Contraseña restablecida con el enlace del correo']),
    );
  });

  it('mails nothing for a deactivated account, and its old link stops working', async () => {
    await ctx.handle.db.execute(sql`update account_links set created_at = now() - interval '2 minutes'`);
    await ctx.anonymous('POST', '/auth/password-reset', { email });
    const token = tokenIn((await mailTo(email))[1]);
    const user = (await ctx.api('GET', '/users?q=olvido')).body.items[0];
    expect((await ctx.api('POST', `/users/${user.id}/deactivate`, { version: user.version })).status).toBe(204);
    expect((await check(token)).status).toBe(410);
    await ctx.handle.db.execute(sql`update account_links set created_at = now() - interval '2 minutes'`);
    await ctx.anonymous('POST', '/auth/password-reset', { email });
    expect(await mailTo(email)).toHaveLength(2);
  });

  it('refuses a malformed link or address with the field named, before touching anything', async () => {
    const badToken = await check('abc');
    expect(badToken.status).toBe(422);
    expect(badToken.body.error.issues[0].path).toBe('token');
    const badEmail = await ctx.anonymous('POST', '/auth/password-reset', { email: 'no es un correo' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.error.issues[0].path).toBe('email');
  });
});
