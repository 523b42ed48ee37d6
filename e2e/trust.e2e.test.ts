import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountApi, type Credentials } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openMenuArea, openPage, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

/** Accounts, roles and publication: who sees which controls, and what the public portal shows. */

let telar: RunningTelar;
let browser: Browser;
/** The secretariat of body A, signed in through the form in the first test. */
let secretariatPage: Page;

const secretariat: Credentials = { email: 'secretaria.a@e2e.telar.mx', password: 'Comision-A-clave-2024' };
const reader: Credentials = { email: 'lectura@e2e.telar.mx', password: 'Solo-consulta-2024' };
const enlace: Credentials = { email: 'enlace.unicef@e2e.telar.mx', password: 'Enlace-UNICEF-2024' };

const PUBLISHED_TEXT = 'Elaborar un protocolo de atención a niñas y niños migrantes en Oaxaca y Chiapas.';
const DRAFT_TEXT = 'Acuerdo todavía en borrador sobre la agenda del próximo año.';
const FOLLOW_UP_TEXT = 'UNICEF presentó el borrador del protocolo a los sistemas estatales de Oaxaca y Chiapas.';
const CONTACT_EMAIL = 'marisol.rios@example.org';

let seed: { bodyA: string; sessionA: string; sessionA1: string; sessionB: string; agreementA: string; draftAgreement: string; unicef: string; sep: string };

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  const api = telar.adminApi;
  const post = <T = { id: string }>(path: string, body: unknown) => api.post<T>(path, body);

  const bodyA = await post('/bodies', { kind: 'commission', name: 'Comisión de Niñez Migrante', acronym: 'COMIG', level: 'national' });
  const bodyA1 = await post('/bodies', { kind: 'working_group', name: 'Grupo de trabajo de protocolos', acronym: 'GTP', level: 'national', parentId: bodyA.id });
  const bodyB = await post('/bodies', { kind: 'commission', name: 'Comisión de Primera Infancia', acronym: 'COPI', level: 'national' });
  const unicef = await post('/organizations', { name: 'Fondo de las Naciones Unidas para la Infancia', acronym: 'UNICEF', sector: 'international', level: 'none' });
  const sep = await post('/organizations', { name: 'Secretaría de Educación Pública', acronym: 'SEP', sector: 'government', level: 'federal' });
  const membership = await post('/memberships', { bodyId: bodyA.id, organizationId: unicef.id, role: 'member' });
  await post('/focal-points', {
    membershipId: membership.id,
    kind: 'titular',
    person: { name: 'Marisol Ríos', position: 'Oficial de protección', email: CONTACT_EMAIL, phone: '55 9876 5432' },
    startDate: '2024-01-01',
  });

  const sessionA = await post('/sessions', { bodyId: bodyA.id, kind: 'ordinary', number: 1, date: '2024-05-10' });
  const sessionA1 = await post('/sessions', { bodyId: bodyA1.id, kind: 'ordinary', number: 2, date: '2024-06-10' });
  const sessionB = await post('/sessions', { bodyId: bodyB.id, kind: 'ordinary', number: 3, date: '2024-05-20' });
  await post('/participations', { sessionId: sessionA.id, organizationIds: [unicef.id], description: 'Presentación del diagnóstico de niñez migrante no acompañada' });
  const agreementA = await post('/agreements', {
    sessionId: sessionA.id,
    code: 'COMIG/SO01/01/2024',
    text: PUBLISHED_TEXT,
    responsibleOrganizationIds: [unicef.id],
    stateCodes: ['MX-OAX', 'MX-CHP'],
    status: 'in_progress',
  });
  const draftAgreement = await post('/agreements', { sessionId: sessionA.id, text: DRAFT_TEXT });

  await createAccountApi(telar.baseUrl, api, { ...secretariat, name: 'Secretaría técnica COMIG', roles: [{ role: 'secretariat', bodyId: bodyA.id }] });
  await createAccountApi(telar.baseUrl, api, { ...reader, name: 'Persona lectora', roles: [{ role: 'reader' }] });
  await createAccountApi(telar.baseUrl, api, { ...enlace, name: 'Enlace de UNICEF', roles: [{ role: 'enlace', organizationId: unicef.id }] });

  seed = {
    bodyA: bodyA.id,
    sessionA: sessionA.id,
    sessionA1: sessionA1.id,
    sessionB: sessionB.id,
    agreementA: agreementA.id,
    draftAgreement: draftAgreement.id,
    unicef: unicef.id,
    sep: sep.id,
  };
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

/** Buttons and links that change records; a person without the right sees none of them. */
const WRITE_CONTROLS: { role: 'button' | 'link'; name: string }[] = [
  { role: 'link', name: 'Editar sesión' },
  { role: 'button', name: 'Publicar' },
  { role: 'button', name: 'Archivar' },
  { role: 'button', name: 'Guardar participación' },
  { role: 'button', name: 'Guardar acuerdo' },
];

async function countWriteControls(page: Page): Promise<number> {
  const counts = await Promise.all(WRITE_CONTROLS.map(({ role, name }) => page.getByRole(role, { name, exact: true }).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Opens a session page and waits until its history (the last section) has loaded. */
async function openSession(page: Page, sessionId: string): Promise<void> {
  await page.goto(`${telar.baseUrl}/sesiones/${sessionId}`);
  await page.getByRole('region', { name: 'Historial' }).locator('.history, .empty').first().waitFor();
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const violations = await findSeriousAxeViolations(page);
  expect(violations.map((v) => `${page.url()}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('signing in', () => {
  it('sends an anonymous visitor to «Iniciar sesión», says why a sign-in failed, and returns where they were going', async () => {
    secretariatPage = await openPage(browser);
    const page = secretariatPage;
    await page.goto(`${telar.baseUrl}/sesiones/${seed.sessionA}`);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ingresar');
    expect(await page.getByRole('link', { name: 'Portal público' }).count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Correo electrónico').fill(secretariat.email);
    await page.getByLabel('Contraseña').fill('No-es-la-clave-2024');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Correo o contraseña incorrectos.' }).waitFor();

    await page.getByLabel('Contraseña').fill(secretariat.password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Primera Sesión Ordinaria' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sesiones/${seed.sessionA}`);
    await page.getByText('Secretaría técnica COMIG').waitFor();
    await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).waitFor();
  });
});

describe('what each role may change', () => {
  it('shows a secretariat write controls on its body’s sessions (and those of bodies under it), not on another body’s', async () => {
    const page = secretariatPage;
    await openSession(page, seed.sessionA);
    expect(await countWriteControls(page)).toBe(WRITE_CONTROLS.length);
    await openSession(page, seed.sessionA1);
    await page.getByRole('link', { name: 'Editar sesión' }).waitFor();

    await openSession(page, seed.sessionB);
    expect(await countWriteControls(page)).toBe(0);
    expect(await page.getByRole('region', { name: 'Agregar participación' }).count()).toBe(0);

    const nav = await openMenuArea(page, 'Administración');
    await nav.getByRole('link', { name: 'Importar' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Usuarios' }).count()).toBe(0);
  });

  it('shows a reader everything and no write control', async () => {
    const page = await openSignedInPage(browser, telar.baseUrl, reader);
    try {
      await openSession(page, seed.sessionA);
      await page.getByText('Presentación del diagnóstico de niñez migrante no acompañada').waitFor();
      expect(await countWriteControls(page)).toBe(0);
      expect(await page.locator('summary', { hasText: /Editar participación|Registrar seguimiento/ }).count()).toBe(0);

      await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementA}`);
      await page.getByRole('region', { name: 'Historial' }).getByText('Creación').first().waitFor();
      expect(await page.getByRole('region', { name: /Registrar seguimiento|Editar acuerdo/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Publicar|Archivar/ }).count()).toBe(0);

      await page.goto(`${telar.baseUrl}/organizaciones`);
      await page.getByRole('link', { name: 'Secretaría de Educación Pública' }).waitFor();
      expect(await page.getByRole('link', { name: 'Nueva organización' }).count()).toBe(0);
      const nav = page.getByRole('navigation', { name: 'Navegación principal' });
      await nav.getByRole('button', { name: 'Coordinación' }).waitFor();
      expect(await nav.getByRole('button', { name: 'Administración' }).count()).toBe(0);

      // An address typed by hand shows a sentence instead of a form the server would refuse.
      await page.goto(`${telar.baseUrl}/sesiones/nueva`);
      await page.getByText('Su cuenta no tiene permiso para usar esta página.').waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('lets an enlace add a follow-up to an agreement its organisation is responsible for, and edit only its own record', async () => {
    const page = await openSignedInPage(browser, telar.baseUrl, enlace);
    try {
      await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementA}`);
      const form = page.getByRole('region', { name: 'Registrar seguimiento' });
      await form.getByLabel('Actividades realizadas').fill(FOLLOW_UP_TEXT);
      await form.getByRole('checkbox', { name: 'Oaxaca' }).check();
      await form.getByRole('button', { name: 'Guardar seguimiento' }).click();
      await form.getByText('El seguimiento se registró.').waitFor();
      await page.locator('.timeline').getByText(FOLLOW_UP_TEXT).waitFor();
      expect(await page.getByRole('region', { name: 'Editar acuerdo' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Publicar', exact: true }).count()).toBe(0);

      await page.goto(`${telar.baseUrl}/organizaciones/${seed.unicef}`);
      await page.getByRole('link', { name: 'Editar', exact: true }).waitFor();
      await page.goto(`${telar.baseUrl}/organizaciones/${seed.sep}`);
      await page.getByRole('heading', { name: 'Secretaría de Educación Pública' }).waitFor();
      expect(await page.getByRole('link', { name: 'Editar', exact: true }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });
});

describe('publishing', () => {
  it('lets the secretariat publish a session, an agreement and a report, and archive and restore a record', async () => {
    const page = secretariatPage;
    await openSession(page, seed.sessionA);
    await page.locator('.record-status').getByText('Borrador').waitFor();
    // Publishing asks first, saying who will see it; cancelling publishes nothing.
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    const confirmation = page.getByRole('dialog', { name: '¿Publicar este registro?' });
    await confirmation.getByText('Quedará a la vista de cualquier persona en el portal público').waitFor();
    await confirmation.getByRole('button', { name: 'Cancelar' }).click();
    await confirmation.waitFor({ state: 'hidden' });
    await page.locator('.record-status').getByText('Borrador').waitFor();
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await confirmation.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('button', { name: 'Retirar publicación' }).waitFor();
    await page.locator('.record-status').getByText('Publicado').waitFor();
    await page.getByRole('region', { name: 'Historial' }).getByText('Publicación').waitFor();

    await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementA}`);
    await page.getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publicar', exact: true }).click();
    await page.getByRole('button', { name: 'Retirar publicación' }).waitFor();

    // Archiving leaves the record readable, says so, and is undone with «Restaurar».
    await page.goto(`${telar.baseUrl}/acuerdos/${seed.draftAgreement}`);
    await page.getByRole('button', { name: 'Archivar' }).click();
    await page.locator('.record-status').getByText('Archivado').waitFor();
    await page.getByRole('button', { name: 'Restaurar' }).click();
    await page.getByRole('button', { name: 'Archivar' }).waitFor();
    const history = page.getByRole('region', { name: 'Historial' });
    await history.getByText('Restauración').waitFor();
    await history.getByText('Archivado').waitFor();

    await page.goto(`${telar.baseUrl}/informes`);
    await page.getByLabel('Órgano').selectOption(seed.bodyA);
    await page.getByLabel('Desde').fill('2024-01-01');
    await page.getByLabel('Hasta').fill('2024-12-31');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByText('Presentación del diagnóstico de niñez migrante no acompañada').first().waitFor();
    await page.getByRole('button', { name: 'Publicar informe' }).click();
    await page.getByRole('dialog', { name: '¿Publicar el informe?' }).getByRole('button', { name: 'Publicar informe' }).click();
    await page.getByText(/Se publicó «Informe del Mecanismo de participación — COMIG/).waitFor();
  });
});

describe('the public portal, without an account', () => {
  let visitor: Page;
  beforeAll(async () => {
    visitor = await openPage(browser);
  });
  afterAll(async () => visitor?.context().close());

  it('sends an anonymous visitor of the internal app to sign in', async () => {
    await visitor.goto(`${telar.baseUrl}/acuerdos`);
    await visitor.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
  });

  it('shows the published session and agreement with its follow-up and map, never a draft or a contact', async () => {
    await visitor.goto(`${telar.baseUrl}/publico`);
    const counts = visitor.locator('.count-cards');
    await expect.poll(() => counts.innerText()).toMatch(/Sesiones publicadas\s+1/);
    await expect.poll(() => counts.innerText()).toMatch(/Acuerdos publicados\s+1/);

    await visitor.getByRole('navigation', { name: 'Navegación del portal público' }).getByRole('link', { name: 'Sesiones' }).click();
    await visitor.getByRole('link', { name: 'Primera Sesión Ordinaria' }).click();
    await visitor.getByText('Presentación del diagnóstico de niñez migrante no acompañada').waitFor();
    await visitor.getByRole('link', { name: 'COMIG/SO01/01/2024' }).waitFor();
    expect(await visitor.locator('main').innerText()).not.toContain(DRAFT_TEXT);

    await visitor.goto(`${telar.baseUrl}/publico/acuerdos`);
    await visitor.getByLabel('Entidades federativas').selectOption('MX-OAX');
    await visitor.getByRole('link', { name: 'COMIG/SO01/01/2024' }).waitFor();
    await visitor.getByLabel('Entidades federativas').selectOption('MX-JAL');
    await visitor.getByText('No hay acuerdos publicados que coincidan.').waitFor();
    await visitor.getByLabel('Entidades federativas').selectOption('');
    await visitor.getByLabel('Estado', { exact: true }).selectOption('in_progress');
    await visitor.getByRole('link', { name: 'COMIG/SO01/01/2024' }).click();

    await visitor.locator('.timeline').getByText(FOLLOW_UP_TEXT).waitFor();
    await visitor.getByRole('img', { name: /Mapa de las entidades federativas involucradas/ }).waitFor();
    const highlighted = await visitor.locator('svg.mexico-map path.mexico-map__state--on').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(highlighted.sort()).toEqual(['MX-CHP', 'MX-OAX']);
    const text = await visitor.locator('body').innerText();
    expect(text).not.toContain(CONTACT_EMAIL);
    expect(text).not.toContain('Publicar');

    const draft = await fetch(`${telar.baseUrl}/api/public/agreements/${seed.draftAgreement}`);
    expect(draft.status).toBe(404);
  });

  it('offers the published report and the open data, whose CSV has the agreement and no draft', async () => {
    await visitor.goto(`${telar.baseUrl}/publico/informes`);
    await visitor.getByRole('heading', { name: /Informe del Mecanismo de participación — COMIG/ }).waitFor();
    const [report] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: /Descargar DOCX/ }).click()]);
    expect(readFileSync((await report.path())!).subarray(0, 2).toString()).toBe('PK');

    await visitor.goto(`${telar.baseUrl}/publico/datos-abiertos`);
    await visitor.getByRole('link', { name: /API/ }).waitFor();
    const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Descargar CSV · Acuerdos' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const row = csv.split(/\r?\n/).find((line) => line.includes('COMIG/SO01/01/2024'));
    expect(row).toContain(PUBLISHED_TEXT);
    expect(row).toContain('MX-CHP;MX-OAX');
    expect(csv).not.toContain(DRAFT_TEXT);
    expect(csv).not.toContain(CONTACT_EMAIL);
  });

  it('is accessible and fits a 375-pixel-wide phone without sideways scrolling', async () => {
    const phone = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      const paths = ['/publico', '/publico/sesiones', `/publico/sesiones/${seed.sessionA}`, '/publico/acuerdos', `/publico/acuerdos/${seed.agreementA}`, '/publico/informes', '/publico/datos-abiertos'];
      for (const path of paths) {
        await phone.goto(`${telar.baseUrl}${path}`);
        await phone.locator('main h1').waitFor();
        await phone.locator('.loading').waitFor({ state: 'detached' });
        await expectNoSeriousAxeViolations(phone);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
      }
    } finally {
      await phone.context().close();
    }
  });

  it('needs no inline script or style, so a strict Content-Security-Policy does not break it', async () => {
    const strict = await openPage(browser, { bypassCSP: false });
    const violations: string[] = [];
    strict.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      for (const path of ['/publico', `/publico/acuerdos/${seed.agreementA}`, '/ingresar']) {
        await strict.goto(`${telar.baseUrl}${path}`);
        await strict.locator('main h1').waitFor();
        expect(await strict.locator('[style]').count()).toBe(0);
      }
      expect(violations).toEqual([]);
    } finally {
      await strict.context().close();
    }
  });
});

describe('the menu', () => {
  it('fits one row at 1366 px, opens an area from the keyboard, and closes it with Escape', async () => {
    const page = await openSignedInPage(browser, telar.baseUrl, reader, { viewport: { width: 1366, height: 768 } });
    try {
      await page.goto(`${telar.baseUrl}/`);
      const nav = page.getByRole('navigation', { name: 'Navegación principal' });
      const area = nav.getByRole('button', { name: 'Coordinación' });
      await area.waitFor();
      const rowTops = await nav.locator('.site-nav__list--grouped > li').evaluateAll((items) => new Set(items.map((item) => item.getBoundingClientRect().top)).size);
      expect(rowTops).toBe(1);
      await area.focus();
      await page.keyboard.press('Enter');
      expect(await area.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Organizaciones');
      await page.keyboard.press('Escape');
      expect(await area.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Coordinación');
      await (await openMenuArea(page, 'Planeación y seguimiento')).getByRole('link', { name: 'Planes' }).click();
      await page.getByRole('heading', { name: 'Planes', level: 1 }).waitFor();
      expect(await nav.getByRole('link', { name: 'Planes' }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('folds behind «Menú» on a 390-pixel phone, leaving the page most of the screen', async () => {
    const phone = await openSignedInPage(browser, telar.baseUrl, reader, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${telar.baseUrl}/`);
      const nav = phone.getByRole('navigation', { name: 'Navegación principal' });
      const toggle = nav.getByRole('button', { name: 'Menú' });
      await toggle.waitFor();
      expect(await nav.getByRole('button', { name: 'Coordinación' }).count()).toBe(0);
      const headerHeight = await phone.locator('.site-header').evaluate((header) => header.getBoundingClientRect().height);
      expect(headerHeight).toBeLessThan(250);
      await toggle.click();
      await (await openMenuArea(phone, 'Coordinación')).getByRole('link', { name: 'Sesiones' }).click();
      await phone.getByRole('heading', { name: 'Sesiones', level: 1 }).waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await phone.context().close();
    }
  });
});

describe('withdrawing a published report', () => {
  it('replaces the report when its period is published again, and withdraws it once a reason is given', async () => {
    const page = secretariatPage;
    await page.goto(`${telar.baseUrl}/informes?bodyId=${seed.bodyA}&from=2024-01-01&to=2024-12-31`);
    await page.getByRole('button', { name: 'Publicar informe' }).click();
    await page.getByRole('dialog', { name: '¿Publicar el informe?' }).getByRole('button', { name: 'Publicar informe' }).click();
    await page.getByText(/Se publicó «Informe del Mecanismo de participación — COMIG/).waitFor();
    const published = page.getByRole('region', { name: 'Informes publicados' });
    await expect.poll(() => published.getByRole('listitem').count()).toBe(1);

    await published.getByRole('button', { name: 'Retirar del portal…' }).click();
    await published.getByRole('button', { name: 'Confirmar el retiro' }).click();
    await published.locator('.field--invalid').getByText('Este campo es obligatorio.').waitFor();
    await published.getByLabel('Motivo del retiro').fill('El informe se publicará con el periodo corregido.');
    await published.getByRole('button', { name: 'Confirmar el retiro' }).click();
    await published.getByText('No hay informes publicados.').waitFor();
    expect(await telar.adminApi.get<unknown[]>('/public/reports')).toEqual([]);
  });
});

describe('signing out', () => {
  it('ends the session and the internal pages ask to sign in again', async () => {
    const page = secretariatPage;
    await page.goto(`${telar.baseUrl}/sesiones`);
    await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await page.goto(`${telar.baseUrl}/sesiones`);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/sesiones');
    await page.context().close();
  });

  it('ends every session of the account «en todos los dispositivos»: the other device is sent to sign in at its next request', async () => {
    const [here, elsewhere] = await Promise.all([openSignedInPage(browser, telar.baseUrl, reader), openSignedInPage(browser, telar.baseUrl, reader)]);
    try {
      await elsewhere.goto(`${telar.baseUrl}/sesiones`);
      await elsewhere.getByRole('heading', { name: 'Sesiones' }).waitFor();
      await here.goto(`${telar.baseUrl}/`);
      await here.locator('summary', { hasText: 'Opciones de la cuenta' }).click();
      await here.getByRole('button', { name: 'Cerrar sesión en todos los dispositivos' }).click();
      await here.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();

      await (await openMenuArea(elsewhere, 'Coordinación')).getByRole('link', { name: 'Acuerdos' }).click();
      await elsewhere.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
      expect(new URL(elsewhere.url()).searchParams.get('redirect')).toBe('/acuerdos');
    } finally {
      await Promise.all([here.context().close(), elsewhere.context().close()]);
    }
  });
});
