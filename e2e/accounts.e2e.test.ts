import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInApi } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openMenuArea, openPage, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

let telar: RunningTelar;
let browser: Browser;
let adminPage: Page;
/** The person the administrator gives an account to, in a browser of their own. */
let personPage: Page;
let bodyId: string;

const person = { name: 'Renata Ibáñez Solís', email: 'renata.ibanez@e2e.telar.mx', firstPassword: 'Primera-clave-Renata-1', password: 'Clave-propia-de-Renata-7' };

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const violations = await findSeriousAxeViolations(page);
  expect(violations.map((v) => `${page.url()}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  adminPage = await openSignedInPage(browser, telar.baseUrl, telar.admin);
  bodyId = (await telar.adminApi.post<{ id: string }>('/bodies', { kind: 'commission', name: 'Comisión de Protección Especial', acronym: 'COPE', level: 'national' })).id;
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('an account an administrator creates', () => {
  it('is created with a first password, which the person must change before anything else', async () => {
    await adminPage.goto(`${telar.baseUrl}/usuarios`);
    await adminPage.getByText('1 cuenta', { exact: true }).waitFor();
    await adminPage.getByRole('link', { name: 'Nueva cuenta' }).click();
    await adminPage.getByLabel('Nombre de la persona').fill(person.name);
    await adminPage.getByLabel('Correo electrónico').fill(person.email);
    await adminPage.getByLabel('Primera contraseña').fill(person.firstPassword);
    await expectNoSeriousAxeViolations(adminPage);
    await adminPage.getByRole('button', { name: 'Crear cuenta' }).click();
    await adminPage.getByRole('heading', { name: person.name }).waitFor();
    await adminPage.getByText('Debe cambiar su contraseña').waitFor();

    personPage = await openPage(browser);
    await personPage.goto(`${telar.baseUrl}/sesiones`);
    await personPage.getByLabel('Correo electrónico').fill(person.email);
    await personPage.getByLabel('Contraseña').fill(person.firstPassword);
    await personPage.getByRole('button', { name: 'Entrar' }).click();
    await personPage.getByRole('heading', { name: 'Cambie su contraseña' }).waitFor();
    expect(new URL(personPage.url()).pathname).toBe('/cambiar-contrasena');
    expect(await personPage.getByRole('navigation', { name: 'Navegación principal' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(personPage);

    // Another address leads back here while the password is pending.
    await personPage.goto(`${telar.baseUrl}/organizaciones`);
    await personPage.getByRole('heading', { name: 'Cambie su contraseña' }).waitFor();

    await personPage.getByLabel('Contraseña actual').fill(person.firstPassword);
    await personPage.getByLabel('Contraseña nueva', { exact: true }).fill(person.password);
    await personPage.getByLabel('Repita la contraseña nueva').fill(`${person.password}x`);
    await personPage.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await personPage.getByText('Las dos copias de la contraseña nueva no coinciden.').waitFor();
    await personPage.getByLabel('Repita la contraseña nueva').fill(person.password);
    await personPage.getByRole('button', { name: 'Cambiar contraseña' }).click();
    await personPage.getByRole('heading', { name: 'Organizaciones' }).waitFor();
    await personPage.getByRole('navigation', { name: 'Navegación principal' }).waitFor();

    const history = await telar.adminApi.get<{ action: string; actor: string }[]>(`/history/user/${await findPersonId()}`);
    expect(history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['password_change', person.email],
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
