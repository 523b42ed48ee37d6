import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { extractPdfText } from './support/pdf-text.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

let telar: RunningTelar;
let browser: Browser;
let page: Page;
let seed: { organizationId: string; sessionId: string; agreementId: string };

const AGREEMENT_TEXT = 'Difundir la guía de crianza positiva en las escuelas de Jalisco.';
/** PDF text places words rather than spacing them: compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  page = await openSignedInPage(browser, telar.baseUrl, telar.admin);
  const post = <T = { id: string }>(path: string, body: unknown) => telar.adminApi.post<T>(path, body);
  const body = await post('/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' });
  const organization = await post('/organizations', { name: 'Red por los Derechos de la Infancia en México', acronym: 'REDIM', sector: 'civil_society', level: 'none' });
  const session = await post('/sessions', { bodyId: body.id, kind: 'ordinary', number: 24, date: '2024-05-20' });
  const agreement = await post('/agreements', { sessionId: session.id, code: 'COMSE/24/01', text: AGREEMENT_TEXT, responsibleOrganizationIds: [organization.id], stateCodes: ['MX-JAL'] });
  await post('/agreements', { sessionId: session.id, code: 'COMSE/24/02', text: 'Entregar el informe anual de avances.', dueDate: '2024-06-30' });
  seed = { organizationId: organization.id, sessionId: session.id, agreementId: agreement.id };
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('the search box in the header', () => {
  it('finds an organisation by its acronym and a session by its ordinal, with the keyboard', async () => {
    await page.goto(`${telar.baseUrl}/`);
    const box = page.getByRole('searchbox', { name: 'Buscar en Telar' });
    await box.focus();
    await page.keyboard.type('redim');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Resultados para «redim»' }).waitFor();
    const result = page.getByRole('link', { name: 'Red por los Derechos de la Infancia en México (REDIM)' });
    await result.waitFor();
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await result.click();
    await page.waitForURL(`${telar.baseUrl}/organizaciones/${seed.organizationId}`);

    await box.fill('Vigésima Cuarta');
    await box.press('Enter');
    await page.getByRole('navigation', { name: 'Filtrar por tipo' }).getByRole('link', { name: 'Sesiones (1)' }).click();
    await page.getByRole('link', { name: 'Vigésima Cuarta Sesión Ordinaria de COMSE, 20 de mayo de 2024' }).click();
    await page.waitForURL(`${telar.baseUrl}/sesiones/${seed.sessionId}`);
  });
});

describe('the home page', () => {
  it('shows the overdue agreements and opens each list from its counter', async () => {
    await page.goto(`${telar.baseUrl}/`);
    const overdue = page.getByRole('region', { name: 'Acuerdos vencidos' });
    await overdue.getByRole('link', { name: 'COMSE/24/02' }).waitFor();
    expect(await overdue.getByText('COMSE/24/01').count()).toBe(0);
    await page.locator('.count-cards').getByRole('link', { name: 'Acuerdos' }).click();
    await page.waitForURL(/\/acuerdos/);
    await page.getByRole('link', { name: 'Vencidos' }).click();
    await page.waitForURL(/overdue=true/);
    await page.getByRole('link', { name: 'COMSE/24/02' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'COMSE/24/01' }).count()).toBe(0);
  });
});

describe('the agreements list', () => {
  it('downloads the rows of its filter, every page of them, as an Excel workbook named in Spanish', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos?overdue=true`);
    await page.getByRole('link', { name: 'COMSE/24/02' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Acuerdos \d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const codes = workbook.worksheets[0]!.getColumn(1).values.slice(2);
    expect(codes).toEqual(['COMSE/24/02']);
  });
});

describe('breadcrumbs', () => {
  it('show where an agreement sits as links, the current page last, and lead up to its session', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
    const trail = page.getByRole('navigation', { name: 'Ruta de navegación' });
    await trail.getByRole('link', { name: 'Vigésima Cuarta Sesión Ordinaria' }).waitFor();
    expect(await trail.getByRole('listitem').allInnerTexts()).toEqual(['Acuerdos', 'COMSE', 'Vigésima Cuarta Sesión Ordinaria', 'COMSE/24/01']);
    expect(await trail.locator('[aria-current="page"]').innerText()).toBe('COMSE/24/01');
    expect(await findSeriousAxeViolations(page)).toEqual([]);
    await trail.getByRole('link', { name: 'Vigésima Cuarta Sesión Ordinaria' }).click();
    await page.waitForURL(`${telar.baseUrl}/sesiones/${seed.sessionId}`);
    await expect.poll(() => trail.getByRole('link').allInnerTexts()).toEqual(['Sesiones', 'COMSE']);
  });
});

describe('printing an agreement', () => {
  it('prints its content to PDF without the navigation, the search, the forms or the buttons', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos/${seed.agreementId}`);
    await page.getByText(AGREEMENT_TEXT).waitFor();
    // What the screen shows around the agreement: the menu's areas and the person's buttons.
    // (an area's name the agreement's own page also says, like «Administración» in its history, is left out)
    await page.getByRole('region', { name: 'Historial' }).getByText('Creación').first().waitFor();
    const mainText = await page.locator('main').innerText();
    const menuAreas = (await page.getByRole('navigation', { name: 'Navegación principal' }).locator('.site-nav__group-button').allInnerTexts()).filter(
      (area) => !mainText.includes(area),
    );
    expect(menuAreas).toContain('Planeación y seguimiento');
    const screenOnly = [...menuAreas, 'Buscar en Telar', 'Cerrar sesión', 'Registrar seguimiento', 'Archivar'];

    // Control: printed as the screen shows it, the extractor does read the menu.
    await page.emulateMedia({ media: 'screen' });
    const asScreen = squeeze(extractPdfText(await page.pdf({ format: 'Letter' })));
    for (const area of menuAreas) expect(asScreen, area).toContain(squeeze(area));

    await page.emulateMedia({ media: 'print' });
    const printed = squeeze(extractPdfText(await page.pdf({ format: 'Letter' })));
    expect(printed).toContain(squeeze(AGREEMENT_TEXT));
    expect(printed).toContain(squeeze('COMSE/24/01'));
    for (const text of screenOnly) expect(printed, text).not.toContain(squeeze(text));
  });
});
