import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openMenuArea, openPage, openSignedInPage } from './support/browser.js';
import { startSmtpServer } from '../apps/server/src/modules/notifications/smtp.test-support.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

let telar: RunningTelar;
let browser: Browser;
let adminPage: Page;
/** The person the administrator gives an account to, in a browser of their own. */
let personPage: Page;
let bodyId: string;

const person = { name: 'Renata Ibáñez Solís', email: 'renata.ibanez@e2e.telar.mx', password: 'Clave-propia-de-Renata-7', newPassword: 'Clave-recuperada-de-Renata-9' };

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const violations = await findSeriousAxeViolations(page);
  expect(violations.map((v) => `${page.url()}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

/** The mail to this address with this subject, once the server has sent it (it delivers every second here). */
async function waitForMail(to: string, subject: string) {
  await expect.poll(() => smtp.received.some((mail) => mail.to.includes(to) && mail.subject === subject), { timeout: 30_000 }).toBe(true);
  return smtp.received.filter((mail) => mail.to.includes(to) && mail.subject === subject).at(-1)!;
}
/** The app path a mail's link leads to (its host is TELAR_PUBLIC_URL's, not the test server's). */
const linkPath = (text: string) => {
  const url = new URL(/https?:\/\/\S+\/contrasena\/nueva\?token=[\w-]+/.exec(text)![0]);
  return `${url.pathname}${url.search}`;
};

beforeAll(async () => {
  smtp = await startSmtpServer();
  telar = await startTelar({ TELAR_SMTP_URL: smtp.url, TELAR_NOTIFY_EVERY: '1' });
  browser = await launchBrowser();
  adminPage = await openSignedInPage(browser, telar.baseUrl, telar.admin);
  bodyId = (await telar.adminApi.post<{ id: string }>('/bodies', { kind: 'commission', name: 'Comisión de Protección Especial', acronym: 'COPE', level: 'national' })).id;
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
  await smtp?.close();
});

describe('an account an administrator creates', () => {
  it('is made with an invitation by e-mail, whose one-time link lets the person choose their own password', async () => {
    await adminPage.goto(`${telar.baseUrl}/usuarios`);
    await adminPage.getByText('1 cuenta', { exact: true }).waitFor();
    await adminPage.getByRole('link', { name: 'Nueva cuenta' }).click();
    await adminPage.getByLabel('Nombre de la persona').fill(person.name);
    await adminPage.getByLabel('Correo electrónico').fill(person.email);
    await expectNoSeriousAxeViolations(adminPage);
    await adminPage.getByRole('button', { name: 'Crear cuenta' }).click();
    await adminPage.getByRole('heading', { name: person.name }).waitFor();
    await adminPage.getByText('Invitación pendiente', { exact: true }).waitFor();

    const invitation = await waitForMail(person.email, 'Invitación a Telar: elija su contraseña');
    expect(invitation.text).toContain(`Hola, ${person.name}:`);
    personPage = await openPage(browser);
    await personPage.goto(`${telar.baseUrl}${linkPath(invitation.text)}`);
    await personPage.getByRole('heading', { name: 'Bienvenida a Telar: elija su contraseña' }).waitFor();
    await personPage.getByText(`Cuenta de ${person.name} (${person.email})`, { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(personPage);
    await personPage.getByLabel('Contraseña nueva', { exact: true }).fill(person.password);
    await personPage.getByLabel('Repita la contraseña nueva').fill(`${person.password}x`);
    await personPage.getByRole('button', { name: 'Guardar contraseña' }).click();
    await personPage.getByText('Las dos copias de la contraseña nueva no coinciden.').waitFor();
    await personPage.getByLabel('Repita la contraseña nueva').fill(person.password);
    await personPage.getByRole('button', { name: 'Guardar contraseña' }).click();
    await personPage.getByText('Su contraseña quedó guardada.').waitFor();

    await personPage.getByRole('link', { name: 'Entrar' }).click();
    await personPage.getByLabel('Correo electrónico').fill(person.email);
    await personPage.getByLabel('Contraseña').fill(person.password);
    await personPage.getByRole('button', { name: 'Entrar' }).click();
    await personPage.getByRole('navigation', { name: 'Navegación principal' }).waitFor();

    // The link served once.
    const spent = await openPage(browser);
    await spent.goto(`${telar.baseUrl}${linkPath(invitation.text)}`);
    await spent.getByText(/El enlace ya se usó, venció o está incompleto/).waitFor();
    await spent.close();

    const history = await telar.adminApi.get<{ action: string; actor: string }[]>(`/history/user/${await findPersonId()}`);
    expect(history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['invitation_accepted', person.email],
      ['create', telar.admin.email],
    ]);
  });

  it('shows the person their open sessions in «Mi cuenta» and lets them end another one', async () => {
    const elsewhere = await signInApi(telar.baseUrl, { email: person.email, password: person.password });
    await personPage.getByRole('link', { name: 'Mi cuenta' }).click();
    await personPage.getByRole('heading', { name: 'Mi cuenta' }).waitFor();
    await personPage.getByText('Tiene 2 sesiones abiertas.').waitFor();
    await personPage.getByText('Esta sesión').waitFor();
    await expectNoSeriousAxeViolations(personPage);

    await personPage.getByRole('button', { name: /^Cerrar la sesión iniciada el/ }).click();
    await personPage.getByText('Tiene 1 sesión abierta.').waitFor();
    expect((await elsewhere.request('/auth/me')).status).toBe(401);
  });
});

describe('«¿Olvidó su contraseña?»', () => {
  it('mails a link that sets a new password and ends the sessions the account had', async () => {
    const page = await openPage(browser);
    await page.goto(`${telar.baseUrl}/ingresar`);
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByRole('heading', { name: 'Recuperar el acceso' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Correo electrónico').fill(person.email);
    await page.getByRole('button', { name: 'Enviarme el enlace' }).click();
    await page.getByText(/Si el correo corresponde a una cuenta activa, el enlace va en camino/).waitFor();

    const reset = await waitForMail(person.email, 'Telar: restablecer su contraseña');
    await page.goto(`${telar.baseUrl}${linkPath(reset.text)}`);
    await page.getByRole('heading', { name: 'Elija una contraseña nueva' }).waitFor();
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(person.newPassword);
    await page.getByLabel('Repita la contraseña nueva').fill(person.newPassword);
    await page.getByRole('button', { name: 'Guardar contraseña' }).click();
    await page.getByText('Su contraseña quedó guardada.').waitFor();
    await page.close();

    // The person's open session ended; the new password opens a new one.
    await personPage.reload();
    await personPage.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await personPage.getByLabel('Correo electrónico').fill(person.email);
    await personPage.getByLabel('Contraseña').fill(person.newPassword);
    await personPage.getByRole('button', { name: 'Entrar' }).click();
    await personPage.getByRole('navigation', { name: 'Navegación principal' }).waitFor();
    person.password = person.newPassword;
  });
});

describe('an administrator managing the account', () => {
  it('finds the person, changes their roles, deactivates them, and their session stops working', async () => {
    await adminPage.goto(`${telar.baseUrl}/usuarios`);
    await adminPage.getByText('2 cuentas', { exact: true }).waitFor();
    await adminPage.getByLabel('Buscar por nombre o correo').fill('renata ibanez');
    await adminPage.getByText('1 cuenta', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(adminPage);
    await adminPage.getByRole('link', { name: person.name }).click();
    await adminPage.getByRole('heading', { name: person.name }).waitFor();

    await adminPage.getByLabel('Rol 1', { exact: true }).selectOption('secretariat');
    await adminPage.getByLabel('Órgano del rol 1').selectOption(bodyId);
    await adminPage.getByRole('button', { name: 'Guardar cambios' }).click();
    await adminPage.getByText('Los cambios se guardaron.').waitFor();
    await adminPage.getByText('Secretaría técnica de Comisión de Protección Especial (COPE)').first().waitFor();
    await expectNoSeriousAxeViolations(adminPage);

    await adminPage.getByRole('button', { name: 'Desactivar la cuenta' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Desactivar la cuenta' }).click();
    await adminPage.getByText('La cuenta se desactivó y sus sesiones se cerraron.').waitFor();
    await adminPage.getByRole('button', { name: 'Reactivar la cuenta' }).waitFor();
    await adminPage.getByText('Desactivada', { exact: true }).waitFor();

    // The person's next request finds no session: back to «Iniciar sesión», and the password no longer opens one.
    await (await openMenuArea(personPage, 'Coordinación')).getByRole('link', { name: 'Acuerdos' }).click();
    await personPage.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await personPage.getByLabel('Correo electrónico').fill(person.email);
    await personPage.getByLabel('Contraseña').fill(person.password);
    await personPage.getByRole('button', { name: 'Entrar' }).click();
    await personPage.getByRole('alert').filter({ hasText: 'Correo o contraseña incorrectos.' }).waitFor();
  });

  it('cannot deactivate their own account, and sees it said', async () => {
    const me = await telar.adminApi.get<{ id: string }>('/auth/me');
    await adminPage.goto(`${telar.baseUrl}/usuarios/${me.id}`);
    await adminPage.getByText('Es su propia cuenta: solo otra persona administradora puede desactivarla.').waitFor();
    expect(await adminPage.getByRole('button', { name: 'Desactivar la cuenta' }).count()).toBe(0);
  });
});

async function findPersonId(): Promise<string> {
  const page = await telar.adminApi.get<{ items: { id: string; email: string }[] }>(`/users?q=${encodeURIComponent(person.email)}`);
  return page.items[0]!.id;
}
