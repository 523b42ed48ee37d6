import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountApi, type Credentials } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openPage, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

/**
 * The Alliance 8.7 questionnaire of 2025, on the demo data (the 2024 exercise answered from seed 002,
 * the roadmap plan): the CITI's secretariat starts it from 2024, assigns question 3 to the STPS and the
 * INM; each enlace, in a browser of its own, contributes; the secretariat sends the STPS's back and
 * accepts the INM's, consolidates (the INM's paragraphs keep its name, last year's rating is reused) and
 * downloads the Word reply, whose text is checked.
 */

let telar: RunningTelar;
let browser: Browser;
let coordinatorPage: Page;
let stpsPage: Page;
let inmPage: Page;
let exerciseId: string;
const contributionUrls = new Map<string, string>();

const coordinator: Credentials = { email: 'secretaria.citi@e2e.telar.mx', password: 'Secretaria-CITI-clave-2025' };
const stpsEnlace: Credentials = { email: 'enlace.stps@e2e.telar.mx', password: 'Enlace-STPS-clave-2025' };
const inmEnlace: Credentials = { email: 'enlace.inm@e2e.telar.mx', password: 'Enlace-INM-clave-2025' };
const TITLE = 'Alianza 8.7, informe anual 2025 (revisión)';
const STPS_TEXT = 'La STPS impartió tres cursos sobre inspección laboral.';
const INM_TEXT = 'Del 3 al 7 de marzo de 2025 el INM capacitó a **412 personas** servidoras públicas en 14 eventos.[^1]';
const INM_NOTE = 'Registros de asistencia del Instituto Nacional de Migración, 2025.';
const COVER_NOTE = 'La Secretaría Técnica de la CITI remite la respuesta de **México** al cuestionario 2025.';
const COMMENT = 'Indique las fechas y el número de participantes de cada curso.';

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await findSeriousAxeViolations(page)).toEqual([]);
}

/** Chooses the option of a select whose text contains `text` (options carry ids as values). */
async function chooseOptionContaining(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

async function contributionOf(page: Page, acronym: string): Promise<string> {
  await page.goto(`${telar.baseUrl}/`);
  const mine = page.getByRole('region', { name: 'Mis aportaciones' });
  await mine.getByRole('link', { name: /Pregunta 3:/ }).click();
  await page.waitForURL(/\/aportaciones\//);
  await page.getByRole('heading', { name: new RegExp(`Aportación de .*${acronym}`) }).waitFor();
  return page.url();
}

beforeAll(async () => {
  telar = await startTelar({}, { withDemoData: true });
  browser = await launchBrowser();
  const bodies = await telar.adminApi.get<{ items: { id: string; acronym: string | null }[] }>('/bodies?pageSize=100');
  const citi = bodies.items.find((body) => body.acronym === 'CITI')!;
  const organization = async (acronym: string) =>
    (await telar.adminApi.get<{ items: { id: string; acronym: string | null }[] }>(`/organizations?q=${acronym}`)).items.find((o) => o.acronym === acronym)!;
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...coordinator, name: 'Secretaría técnica de la CITI', roles: [{ role: 'secretariat', bodyId: citi.id }] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...stpsEnlace, name: 'Enlace de la STPS', roles: [{ role: 'enlace', organizationId: (await organization('STPS')).id }] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...inmEnlace, name: 'Enlace del INM', roles: [{ role: 'enlace', organizationId: (await organization('INM')).id }] });
  coordinatorPage = await openSignedInPage(browser, telar.baseUrl, coordinator);
  stpsPage = await openSignedInPage(browser, telar.baseUrl, stpsEnlace);
  inmPage = await openSignedInPage(browser, telar.baseUrl, inmEnlace);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('a questionnaire answered as one State', () => {
  it('lets the coordinator start the 2025 exercise from 2024 and the roadmap, and assign question 3 to two organisations', async () => {
    const page = coordinatorPage;
    await page.goto(`${telar.baseUrl}/cuestionarios/nuevo`);
    await chooseOptionContaining(page, 'Plantilla', 'Alianza 8.7');
    await page.getByLabel('Título', { exact: true }).fill(TITLE);
    await page.getByLabel('Inicio del periodo que se informa').fill('2025-01-01');
    await page.getByLabel('Fin del periodo que se informa').fill('2025-12-31');
    await chooseOptionContaining(page, 'Órgano que coordina', 'CITI');
    await chooseOptionContaining(page, 'Plan', 'Hoja de ruta');
    await chooseOptionContaining(page, 'Partir del ejercicio anterior', 'informe anual 2024');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Crear ejercicio' }).click();
    await page.waitForURL(/\/cuestionarios\/[0-9a-f-]{36}$/);
    exerciseId = page.url().split('/').at(-1)!;

    // The priorities of the plan became questions 1–8, with the period's words in them.
    await page.getByRole('heading', { name: /^1\. Desde enero de 2025, ¿qué progresos ha logrado su país respecto de la prioridad 1 "Promover/ }).waitFor();
    await page.getByText('Editar datos del ejercicio').click();
    await page.getByLabel('Estado', { exact: true }).selectOption('open');
    await page.getByRole('textbox', { name: 'Oficio o nota de envío (opcional)' }).fill(COVER_NOTE);
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await page.getByText('Los cambios se guardaron.').waitFor();

    await page.getByRole('button', { name: 'Asignar', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Asignar preguntas a organizaciones' });
    await dialog.getByRole('checkbox', { name: /^3\. Desde enero de 2025/ }).check();
    for (const acronym of ['STPS', 'INM']) {
      await dialog.getByLabel('Buscar organización').fill(acronym);
      await dialog.getByRole('checkbox', { name: new RegExp(`\\(${acronym}\\)`) }).check();
    }
    await dialog.getByLabel('Fecha límite de las aportaciones').fill('2099-01-15');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Asignar preguntas' }).click();
    const assignments = page.getByRole('list', { name: 'Asignaciones de la pregunta 3' });
    await assignments.getByRole('link', { name: /\(STPS\)/ }).waitFor();
    await assignments.getByRole('link', { name: /\(INM\)/ }).waitFor();
  });

  it('lets each enlace draft and send its contribution to question 3', async () => {
    for (const [page, acronym, text] of [
      [stpsPage, 'STPS', STPS_TEXT],
      [inmPage, 'INM', `${INM_TEXT}\n\n[^1]: ${INM_NOTE}`],
    ] as const) {
      contributionUrls.set(acronym, await contributionOf(page, acronym));
      // The editorial note asks for dates and participants, as the 8.7 template says.
      await page.getByText('Notas de edición').first().waitFor();
      await page.getByRole('textbox', { name: 'Texto de la respuesta (pregunta 3)' }).fill(text);
      await page.getByRole('button', { name: 'Guardar borrador' }).click();
      await page.getByText('El borrador se guardó.').waitFor();
      await expectNoSeriousAxeViolations(page);
      await page.getByRole('button', { name: 'Enviar', exact: true }).click();
      await page.getByText('La aportación se envió a la coordinación para su revisión.').waitFor();
    }
  });

  it('lets the coordinator send back the STPS contribution with a comment and accept the INM one, per question', async () => {
    const page = coordinatorPage;
    await page.goto(`${telar.baseUrl}/cuestionarios/${exerciseId}?vista=tablero`);
    await page.getByRole('link', { name: /Aportación de .*STPS.* a la pregunta 3/ }).click();
    await page.getByRole('button', { name: 'Devolver' }).click();
    await page.getByText('Escriba qué debe cambiarse antes de devolver la aportación.').first().waitFor();
    await page.getByLabel('Comentario para la organización').fill(COMMENT);
    await page.getByRole('button', { name: 'Devolver' }).click();
    await page.getByText('La aportación se devolvió con su comentario.').waitFor();

    await page.goto(`${telar.baseUrl}/cuestionarios/${exerciseId}?vista=tablero`);
    await page.getByRole('link', { name: /Aportación de .*INM.* a la pregunta 3/ }).click();
    await page.getByRole('button', { name: 'Aceptar' }).click();
    await page.getByText('La aportación se aceptó.').waitFor();

    // The STPS sees the comment and may write again; the INM's accepted text is locked.
    await stpsPage.goto(contributionUrls.get('STPS')!);
    await stpsPage.getByText(COMMENT).waitFor();
    await expect.poll(() => stpsPage.getByRole('textbox', { name: 'Texto de la respuesta (pregunta 3)' }).isEditable()).toBe(true);
    await inmPage.goto(contributionUrls.get('INM')!);
    await inmPage.getByText('La coordinación aceptó esta aportación; ya no se modifica.').waitFor();
  });

  it('consolidates question 3 from the INM contribution and reuses last year’s rating, keeping who wrote what', async () => {
    const page = coordinatorPage;
    await page.goto(`${telar.baseUrl}/cuestionarios/${exerciseId}/consolidar`);
    const question3 = page.getByRole('region', { name: /^3\. Desde enero de 2025/ });
    await question3.getByRole('button', { name: 'Insertar', exact: true }).click();
    await question3.getByText('Aportó: INM').first().waitFor();
    await question3.getByRole('button', { name: 'Guardar' }).click();
    await question3.getByText('La respuesta se guardó.').first().waitFor();

    const rating = page.getByRole('region', { name: /¿Cómo calificaría los progresos/ });
    // Using last year's answer writes it at once; the proposal then leaves the page.
    await rating.getByRole('button', { name: 'Usar', exact: true }).click();
    await rating.getByRole('button', { name: 'Usar', exact: true }).waitFor({ state: 'detached' });
    await expectNoSeriousAxeViolations(page);
  });

  it('downloads the reply as Word: numbered questions, the INM text with its real footnote, the marked rating and the contributions annex', async () => {
    const page = coordinatorPage;
    await page.goto(`${telar.baseUrl}/cuestionarios/${exerciseId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    const text = documentXml.replace(/<[^>]+>/g, '');
    expect(text).toContain('La Secretaría Técnica de la CITI remite la respuesta de México al cuestionario 2025.');
    expect(text).toContain('3. Desde enero de 2025, ¿qué progresos ha logrado su país respecto de la prioridad 3');
    expect(text).toContain('412 personas');
    expect(text).not.toContain(STPS_TEXT);
    expect(documentXml).toContain('w:footnoteReference');
    const footnotes = (await zip.file('word/footnotes.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(footnotes).toContain(INM_NOTE);
    expect(text).toMatch(/☒ ?gran progreso/);
    expect(text).toMatch(/☐ ?poco progreso/);
    expect(text).toContain('Aportaciones');
    expect(text).toContain('Instituto Nacional de Migración');
  });

  it('shows anyone the published reply to JAL MEX 4/2021 on the portal, with its tables and the agencies that contributed', async () => {
    const page = await openPage(browser);
    await page.goto(`${telar.baseUrl}/publico/respuestas`);
    await page.getByRole('link', { name: /^Contribuciones del Estado mexicano/ }).click();
    await page.getByText(/JAL MEX 4\/2021/).first().waitFor();
    await page.getByRole('heading', { name: /^6\. Sírvase proporcionar información sobre los casos denunciados/ }).waitFor();
    await page.getByRole('cell', { name: 'ABUSO SEXUAL' }).first().waitFor();
    await page.getByRole('region', { name: 'Organizaciones que aportaron' }).getByText(/Fiscalía General de la República/).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });
});
