import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngImage } from '../apps/server/src/platform/documents/image.test-support.js';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

const seedPath = new URL('../../shared/seeds/000_8ad403c787fb8b13.txt', import.meta.url);

let telar: RunningTelar;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  page = await openSignedInPage(browser, telar.baseUrl, telar.admin);
});
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('Importar: the real report through the web page', () => {
  it('uploads seed 000, previews what it describes, confirms, and the records exist', async () => {
    await page.goto(`${telar.baseUrl}/importar`);
    await page.getByLabel('Cargar archivo (.txt o .md)').setInputFiles(seedPath.pathname);
    await expect.poll(() => page.getByLabel('Texto del informe').inputValue()).toContain('Vigésima Primera Sesión Ordinaria');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    const summary = page.getByRole('table', { name: 'Resumen' });
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('row', { name: /Participaciones/ }).innerText()).toMatch(/13\s+13/);
    await expect.poll(() => summary.getByRole('row', { name: /Organizaciones/ }).innerText()).toMatch(/13\s+13/);

    await page.getByRole('button', { name: 'Confirmar importación' }).click();
    await page.getByRole('heading', { name: 'La importación se completó.' }).waitFor();
    const sessions = await telar.adminApi.get<{ total: number }>('/sessions?pageSize=50');
    expect(sessions.total).toBe(9);
  });

  it('shows the imported agreement with its states on the map', async () => {
    await page.goto(`${telar.baseUrl}/acuerdos`);
    await page.getByRole('link', { name: /Atlas de Riesgo|toman conocimiento/ }).first().click();
    await page.getByRole('heading', { name: 'Seguimiento del acuerdo' }).waitFor();
    const map = page.getByRole('img', { name: /Mapa de las entidades federativas involucradas/ });
    await map.waitFor();
    const highlighted = await page.locator('svg.mexico-map path.mexico-map__state--on').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(highlighted.sort()).toEqual(['MX-CAM', 'MX-CMX', 'MX-DUR', 'MX-GUA', 'MX-JAL', 'MX-PUE', 'MX-QUE', 'MX-SIN']);
    expect(await findSeriousAxeViolations(page)).toEqual([]);
  });
});

describe('recording a session by hand and reporting it', () => {
  it('creates a session with a participation and an agreement, previews the report and downloads the DOCX', async () => {
    const body = await telar.adminApi.post<{ id: string }>('/bodies', {
      kind: 'commission',
      name: 'Comisión para poner fin a toda forma de violencia contra niñas, niños y adolescentes',
      acronym: 'COMPREVNNA',
      level: 'national',
    });
    await telar.adminApi.post('/organizations', { name: 'Fondo de las Naciones Unidas para la Infancia', acronym: 'UNICEF', sector: 'international', level: 'none' });

    // The body's logo, set on its page, heads the Word report below.
    await page.goto(`${telar.baseUrl}/organos/${body.id}`);
    await page.getByLabel('Imagen del logotipo').setInputFiles({ name: 'escudo.png', mimeType: 'image/png', buffer: Buffer.from(pngImage(300, 120)) });
    await page.getByRole('button', { name: 'Guardar logotipo' }).click();
    await page.getByText('Logotipo guardado.').waitFor();
    const logo = page.getByRole('img', { name: /^Logotipo de Comisión para poner fin/ });
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(300);
    expect(await findSeriousAxeViolations(page)).toEqual([]);

    await page.goto(`${telar.baseUrl}/sesiones/nueva`);
    await page.getByLabel('Órgano').selectOption(body.id);
    await page.getByLabel('Tipo de sesión').selectOption('ordinary');
    await page.getByLabel('Número de sesión').fill('3');
    await page.getByLabel('Fecha', { exact: true }).fill('2024-02-01');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { name: /Tercera Sesión Ordinaria/ }).waitFor();

    await page.getByRole('heading', { name: 'Agregar participación' }).waitFor();
    await page.getByLabel('Buscar organizaciones participantes').fill('UNICEF');
    await page.getByRole('checkbox', { name: /Fondo de las Naciones Unidas para la Infancia/ }).check();
    await page.getByLabel('Acciones en las que la participación fue relevante').fill('Presentación del programa Juega Conmigo en lenguas indígenas');
    await page.getByRole('button', { name: 'Guardar participación' }).click();
    await page.getByText('La participación se registró.').waitFor();

    await page.getByLabel('Participación relacionada').selectOption({ index: 1 });
    await page.getByLabel('Clave del acuerdo').fill('COMPREVNNA/SO03/01/2024');
    await page.getByLabel('Texto del acuerdo').fill('Difundir el programa Juega Conmigo entre los sistemas estatales.');
    await page.getByRole('button', { name: 'Guardar acuerdo' }).click();
    await page.getByText('El acuerdo se registró.').waitFor();

    await page.goto(`${telar.baseUrl}/informes`);
    await page.getByLabel('Órgano').selectOption(body.id);
    await page.getByLabel('Desde').fill('2024-01-01');
    await page.getByLabel('Hasta').fill('2024-12-31');
    await page.getByRole('button', { name: 'Vista previa' }).click();
    await page.getByText('Presentación del programa Juega Conmigo en lenguas indígenas').waitFor();
    expect(await page.getByText('Difundir el programa Juega Conmigo entre los sistemas estatales.').count()).toBeGreaterThan(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar DOCX' }).click()]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Fondo de las Naciones Unidas para la Infancia');
    expect(text).toContain('Tercera Sesión Ordinaria');
    expect(text).toContain('Difundir el programa Juega Conmigo entre los sistemas estatales.');
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toHaveLength(1);
  });

  it('has no serious accessibility violations on the main pages', async () => {
    for (const path of ['/', '/organizaciones', '/organos', '/sesiones', '/acuerdos', '/importar', '/informes', '/usuarios']) {
      await page.goto(`${telar.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      const violations = await findSeriousAxeViolations(page);
      expect(violations.map((v) => `${path}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });
});
