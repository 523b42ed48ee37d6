import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

let telar: RunningTelar;
let browser: Browser;
let page: Page;

/** What the API set-up created; each test reads the ids it needs. */
let seed: { bodyId: string; sessionId: string; agreementId: string; unicefId: string; sepId: string };

/** Seeds through the API as the administrator, as the guide asks of e2e set-up. */
const postJson = <T>(path: string, body: unknown) => telar.adminApi.post<T>(path, body);

async function expectNoSeriousAxeViolations(target: Page): Promise<void> {
  const violations = await findSeriousAxeViolations(target);
  expect(violations.map((v) => `${target.url()}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The states the agreement page's map paints. */
async function readHighlightedStates(target: Page): Promise<string[]> {
  await target.getByRole('img', { name: /Mapa de las entidades federativas involucradas/ }).waitFor();
  const codes = await target.locator('svg.mexico-map path.mexico-map__state--on').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code') ?? ''));
  return codes.sort();
}

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  page = await openSignedInPage(browser, telar.baseUrl, telar.admin);

  const body = await postJson<{ id: string }>('/bodies', { kind: 'commission', name: 'Comisión de Primera Infancia', acronym: 'COPI', level: 'national' });
  const unicef = await postJson<{ id: string }>('/organizations', { name: 'Fondo de las Naciones Unidas para la Infancia', acronym: 'UNICEF', sector: 'international', level: 'none' });
  const sep = await postJson<{ id: string }>('/organizations', { name: 'Secretaría de Educación Pública', acronym: 'SEP', sector: 'government', level: 'federal' });
  const session = await postJson<{ id: string }>('/sessions', { bodyId: body.id, kind: 'ordinary', number: 5, date: '2024-03-10' });
  await postJson('/participations', {
    sessionId: session.id,
    organizationIds: [unicef.id],
    description: 'Presentación de la guía de crianza positiva',
  });
  const agreement = await postJson<{ id: string }>('/agreements', {
    sessionId: session.id,
    text: 'Difundir la guía de crianza positiva en los estados.',
    responsibleOrganizationIds: [unicef.id],
    stateCodes: ['MX-JAL'],
  });
  seed = { bodyId: body.id, sessionId: session.id, agreementId: agreement.id, unicefId: unicef.id, sepId: sep.id };
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('editing a session', () => {
  it('changes the date on the edit page and shows it on the session page', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/${seed.sessionId}`);
    await page.getByRole('link', { name: 'Editar sesión' }).click();
    const date = page.getByLabel('Fecha', { exact: true });
    await expect.poll(() => date.inputValue()).toBe('2024-03-10');
    await expectNoSeriousAxeViolations(page);
    await date.fill('2024-03-15');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('heading', { name: 'Quinta Sesión Ordinaria' }).waitFor();
    await page.getByText('15 de marzo de 2024', { exact: true }).waitFor();
  });

  it('corrects a participation in place', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/${seed.sessionId}`);
    await page.locator('summary', { hasText: 'Editar participación' }).click();
    const description = page.getByLabel('Acciones en las que la participación fue relevante').first();
    await expect.poll(() => description.inputValue()).toBe('Presentación de la guía de crianza positiva');
    await description.fill('Presentación de la guía de crianza positiva y de su versión en lenguas indígenas');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Los cambios se guardaron.').waitFor();
    await page.locator('.record p', { hasText: 'versión en lenguas indígenas' }).waitFor();
  });
});

describe('a session ordinal used twice', () => {
  it('explains under the number that the body already held it, linking to that session', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/nueva?bodyId=${seed.bodyId}`);
    await page.getByLabel('Número de sesión').fill('5');
    await page.getByLabel('Fecha', { exact: true }).fill('2024-09-01');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    await page.locator('.field--invalid').getByText(/^Este órgano ya registró la Quinta Sesión Ordinaria \(1\d de marzo de 2024\)\.$/).waitFor();
    const link = page.getByRole('link', { name: 'Abrir la sesión ya registrada' });
    expect(await link.getAttribute('href')).toBe(`/sesiones/${seed.sessionId}`);
    expect((await telar.adminApi.get<{ total: number }>(`/sessions?bodyId=${seed.bodyId}`)).total).toBe(1);
  });
});

describe('editing an agreement', () => {
  it('saves new text and states, and the map follows', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
    expect(await readHighlightedStates(page)).toEqual(['MX-JAL']);
    const edit = page.getByRole('region', { name: 'Editar acuerdo' });
    await edit.getByLabel('Texto del acuerdo').fill('Difundir la guía de crianza positiva en Oaxaca y Chiapas.');
    await edit.getByRole('checkbox', { name: 'Jalisco' }).uncheck();
    await edit.getByRole('checkbox', { name: 'Oaxaca' }).check();
    await edit.getByRole('checkbox', { name: 'Chiapas' }).check();
    await edit.getByLabel('Estado', { exact: true }).selectOption('in_progress');
    await edit.getByRole('button', { name: 'Guardar cambios' }).click();
    await edit.getByText('Los cambios se guardaron.').waitFor();
    await page.locator('.lead', { hasText: 'en Oaxaca y Chiapas' }).waitFor();
    await expect.poll(() => readHighlightedStates(page)).toEqual(['MX-CHP', 'MX-OAX']);
    await expectNoSeriousAxeViolations(page);
  });

  it('shows under its field why a due date before the session is refused', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
    const edit = page.getByRole('region', { name: 'Editar acuerdo' });
    const dueDate = edit.getByLabel('Fecha de cumplimiento');
    await dueDate.fill('2024-03-01');
    await edit.getByRole('button', { name: 'Guardar cambios' }).click();
    const message = edit.locator('.field--invalid').getByText(/^La fecha de cumplimiento no puede ser anterior a la sesión en que se adoptó el acuerdo \(1\d de marzo de 2024\)\.$/);
    await message.waitFor();
    expect(await dueDate.getAttribute('aria-invalid')).toBe('true');
    expect(await dueDate.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
    expect((await telar.adminApi.get<{ dueDate: string | null }>(`/agreements/${seed.agreementId}`)).dueDate).toBeNull();
  });

  it('refuses a save based on a stale version and keeps what was typed', async () => {
    const other = await openSignedInPage(browser, telar.baseUrl, telar.admin);
    try {
      await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
      await other.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
      const first = page.getByRole('region', { name: 'Editar acuerdo' });
      const second = other.getByRole('region', { name: 'Editar acuerdo' });
      await expect.poll(() => second.getByLabel('Texto del acuerdo').inputValue()).toContain('Oaxaca y Chiapas');

      await first.getByLabel('Texto del acuerdo').fill('Texto guardado primero.');
      await first.getByRole('button', { name: 'Guardar cambios' }).click();
      await first.getByText('Los cambios se guardaron.').waitFor();

      await second.getByLabel('Texto del acuerdo').fill('Texto que llega tarde.');
      await second.getByRole('button', { name: 'Guardar cambios' }).click();
      await second.getByRole('alert').filter({ hasText: 'Alguien más modificó este registro; recargue para ver los cambios.' }).waitFor();
      expect(await second.getByLabel('Texto del acuerdo').inputValue()).toBe('Texto que llega tarde.');

      const saved = await telar.adminApi.get<{ text: string }>(`/agreements/${seed.agreementId}`);
      expect(saved.text).toBe('Texto guardado primero.');
    } finally {
      await other.context().close();
    }
  });
});

describe('members of a body', () => {
  it('adds a membership and its titular focal point, showing name and position but never the contacts', async () => {
    await page.goto(`${telar.baseUrl}/organos/${seed.bodyId}`);
    const add = page.getByRole('region', { name: 'Agregar integrante' });
    await add.getByLabel('Buscar la organización integrante').fill('SEP');
    await add.getByRole('radio', { name: /Secretaría de Educación Pública/ }).check();
    await add.getByLabel('Función en el órgano').selectOption('technical_secretariat');
    await add.getByLabel('Fecha de inicio').fill('2024-01-15');
    await add.getByRole('button', { name: 'Guardar integrante' }).click();
    await add.getByText('El integrante se registró.').waitFor();

    const members = page.getByRole('region', { name: 'Integrantes', exact: true });
    await members.getByRole('row', { name: /Secretaría de Educación Pública/ }).getByText('Secretaría técnica').waitFor();
    await members.locator('summary', { hasText: 'Agregar enlace de SEP' }).click();
    await members.getByLabel('Tipo de enlace').selectOption('titular');
    await members.getByLabel('Nombre del enlace').fill('Laura Méndez Ruiz');
    await members.getByLabel('Cargo').fill('Directora de Educación Inicial');
    await members.getByLabel('Correo electrónico').fill('laura.mendez@example.org');
    await members.getByLabel('Teléfono').fill('55 1234 5678');
    await members.getByText('Los datos de contacto son personales: no se publican.').waitFor();
    await members.getByLabel('Inicio como enlace').fill('2024-02-01');
    await expectNoSeriousAxeViolations(page);
    await members.getByRole('button', { name: 'Guardar enlace' }).click();
    await members.getByText('El enlace se registró.').waitFor();

    await page.reload();
    const row = page.getByRole('region', { name: 'Integrantes', exact: true }).getByRole('row', { name: /Secretaría de Educación Pública/ });
    await row.getByText('Enlace titular: Laura Méndez Ruiz, Directora de Educación Inicial').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('laura.mendez@example.org');
    expect(text).not.toContain('1234 5678');
    expect(await (await telar.adminApi.request(`/bodies/${seed.bodyId}`)).text()).not.toContain('laura.mendez@example.org');
  });
});

describe('follow-up of a participation with an evidence file', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  it('checks the file before and after sending, uploads a PDF and links it in the timeline', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/${seed.sessionId}`);
    await page.locator('summary', { hasText: 'Registrar seguimiento de la participación' }).click();
    const form = page.locator('.disclosure__content');
    await form.getByLabel('Actividades realizadas').fill('Se distribuyó la guía en 120 centros de atención infantil.');
    const file = form.getByLabel('Archivo', { exact: true });
    expect(await file.getAttribute('accept')).toBe('.pdf,.docx,.xlsx,.png,.jpg,.jpeg');
    await form.getByLabel('Título del archivo').fill('Informe de distribución');

    // Refused here, before any upload: not an accepted type.
    await file.setInputFiles({ name: 'programa.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await form.getByRole('button', { name: 'Guardar seguimiento' }).click();
    await form.getByText('Solo se aceptan archivos PDF, Word (.docx), Excel (.xlsx), PNG o JPEG.').waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');

    // Refused by the server: the name says PDF, the content does not; its message sits under the field.
    await file.setInputFiles({ name: 'falso.pdf', mimeType: 'application/pdf', buffer: Buffer.from('no es un PDF') });
    await form.getByRole('button', { name: 'Guardar seguimiento' }).click();
    await form.locator('.field__error').filter({ hasText: /Solo se aceptan/ }).waitFor();
    const errorId = await form.locator('.field__error').first().getAttribute('id');
    expect(await file.getAttribute('aria-describedby')).toContain(errorId);

    await file.setInputFiles({ name: 'informe-distribucion.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Guardar seguimiento' }).click();
    await form.getByText('El seguimiento se registró.').waitFor();

    const link = page.locator('.timeline').getByRole('link', { name: 'Informe de distribución' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const download = await telar.adminApi.request(href!.replace(/^\/api/, ''));
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
    await expectNoSeriousAxeViolations(page);
  });
});

describe('organisation and body forms', () => {
  it('chooses the organisation another depends on with the single-choice picker', async () => {
    await page.goto(`${telar.baseUrl}/organizaciones/${seed.sepId}/editar`);
    await page.getByLabel('Buscar la organización de la que depende').fill('UNICEF');
    await page.getByRole('radio', { name: /Fondo de las Naciones Unidas para la Infancia/ }).check();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByRole('heading', { name: 'Secretaría de Educación Pública' }).waitFor();
    const saved = await telar.adminApi.get<{ parentId: string | null }>(`/organizations/${seed.sepId}`);
    expect(saved.parentId).toBe(seed.unicefId);

    // Reopened, the form names the chosen parent instead of showing its id.
    await page.goto(`${telar.baseUrl}/organizaciones/${seed.sepId}/editar`);
    await page.getByRole('button', { name: 'Quitar UNICEF' }).waitFor();
  });

  it('has no serious accessibility violations on the create and edit pages', async () => {
    for (const path of ['/organizaciones/nueva', `/organos/${seed.bodyId}/editar`, '/organos/nuevo', '/sesiones/nueva', '/usuarios/nueva']) {
      await page.goto(`${telar.baseUrl}${path}`);
      await page.locator('main form').waitFor();
      await expectNoSeriousAxeViolations(page);
    }
  });
});

describe('accounts', () => {
  it('lets an administrator create the account of a body’s secretariat, who is invited by e-mail', async () => {
    const email = 'secretaria.copi@e2e.telar.mx';
    await page.goto(`${telar.baseUrl}/usuarios/nueva`);
    await page.getByLabel('Nombre de la persona').fill('Secretaría técnica COPI');
    await page.getByLabel('Correo electrónico').fill('no es un correo');
    await page.getByLabel('Rol 1', { exact: true }).selectOption('secretariat');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Correo electrónico no válido.').waitFor();
    await page.getByText('La secretaría técnica necesita su órgano.').waitFor();

    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Órgano del rol 1').selectOption(seed.bodyId);
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Secretaría técnica COPI' }).waitFor();
    await page.getByText('Invitación pendiente', { exact: true }).waitFor();

    const accounts = await telar.adminApi.get<{ items: { email: string; isInvitationPending: boolean; roles: { role: string; bodyId: string | null }[] }[] }>(`/users?q=${encodeURIComponent(email)}`);
    expect(accounts.items).toEqual([expect.objectContaining({ email, isInvitationPending: true, roles: [expect.objectContaining({ role: 'secretariat', bodyId: seed.bodyId })] })]);
    const outbox = await telar.adminApi.get<{ items: { toAddress: string; kind: string }[] }>('/outbox');
    expect(outbox.items.filter((mail) => mail.toAddress === email).map((mail) => mail.kind)).toEqual(['account_invitation']);
  });
});
