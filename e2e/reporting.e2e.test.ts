import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountApi, type Credentials } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

/**
 * Periodic reporting run by two people in two browsers: the DIF's enlace files an activity in the
 * open period and submits; the secretariat sends it back; the enlace fixes it and resubmits; the
 * secretariat accepts; the dashboard and its map count it.
 */

let telar: RunningTelar;
let browser: Browser;
let enlacePage: Page;
let secretariatPage: Page;
let reportId: string;

const secretariat: Credentials = { email: 'secretaria.comprevnna@e2e.telar.mx', password: 'Secretaria-COMPREVNNA-2024' };
const enlace: Credentials = { email: 'enlace.dif@e2e.telar.mx', password: 'Enlace-SNDIF-clave-2024' };
const ACTIVITY = 'Taller de prevención de la explotación sexual infantil en línea para personal docente';
const COMMENT = 'Falta el número de participantes que informó Jalisco.';

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await findSeriousAxeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  telar = await startTelar();
  browser = await launchBrowser();
  const post = <T = { id: string }>(path: string, body: unknown) => telar.adminApi.post<T>(path, body);
  const body = await post('/bodies', { kind: 'commission', name: 'Comisión para poner fin a toda forma de violencia', acronym: 'COMPREVNNA', level: 'national' });
  const dif = await post('/organizations', { name: 'Sistema Nacional para el Desarrollo Integral de la Familia', acronym: 'SNDIF', sector: 'government', level: 'federal' });
  const plan = await post('/plans', { name: 'Plan de Acción 2019-2024', bodyId: body.id });
  await post('/plan-nodes', { planId: plan.id, parentId: null, kind: 'action_line', code: '2.6', title: 'Prevenir la explotación sexual en línea', responsibleOrganizationIds: [dif.id] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...secretariat, name: 'Secretaría técnica COMPREVNNA', roles: [{ role: 'secretariat', bodyId: body.id }] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...enlace, name: 'Enlace del SNDIF', roles: [{ role: 'enlace', organizationId: dif.id }] });
  const period = await post<{ reports: { id: string }[] }>('/reporting-periods', {
    planId: plan.id,
    title: 'Informe anual 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    dueDate: '2099-01-31',
  });
  reportId = period.reports[0]!.id;
  enlacePage = await openSignedInPage(browser, telar.baseUrl, enlace);
  secretariatPage = await openSignedInPage(browser, telar.baseUrl, secretariat);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('a reporting period run by an enlace and a secretariat', () => {
  it('shows the enlace what it owes, and lets it file an activity and submit', async () => {
    await enlacePage.goto(`${telar.baseUrl}/pendientes`);
    const owed = enlacePage.getByRole('article', { name: /Informe anual 2026/ });
    await owed.getByText('Pendiente').waitFor();
    await expectNoSeriousAxeViolations(enlacePage);
    await owed.getByRole('link', { name: /Informe anual 2026/ }).click();
    await enlacePage.getByRole('link', { name: 'Registrar actividad' }).click();

    await enlacePage.getByLabel('Tipo de actividad').selectOption('training');
    await enlacePage.getByLabel('Título').fill(ACTIVITY);
    await enlacePage.getByLabel('Fecha de inicio').fill('2026-03-10');
    await enlacePage.getByLabel('Eventos realizados').fill('2');
    await enlacePage.getByRole('checkbox', { name: 'Jalisco' }).check();
    await expectNoSeriousAxeViolations(enlacePage);
    await enlacePage.getByRole('button', { name: 'Guardar actividad' }).click();

    await enlacePage.waitForURL(`**/reportes/${reportId}`);
    await enlacePage.getByRole('link', { name: ACTIVITY }).first().waitFor();
    await enlacePage.getByRole('button', { name: 'Enviar a revisión' }).click();
    await enlacePage.getByRole('dialog').getByRole('button', { name: 'Enviar a revisión' }).click();
    await enlacePage.getByText('El reporte se envió a revisión.').waitFor();
  });

  it('lets the secretariat send it back with a comment', async () => {
    await secretariatPage.goto(`${telar.baseUrl}/pendientes`);
    await secretariatPage.getByRole('region', { name: 'Por revisar' }).getByRole('link').first().click();
    await secretariatPage.getByRole('link', { name: ACTIVITY }).first().waitFor();
    await expectNoSeriousAxeViolations(secretariatPage);
    await secretariatPage.getByRole('button', { name: 'Devolver con comentario' }).click();
    // Sending back needs a comment: nothing changes without one.
    await secretariatPage.getByText('Explique qué debe corregirse.', { exact: true }).waitFor();
    await secretariatPage.getByLabel('Comentario de revisión').fill(COMMENT);
    await secretariatPage.getByRole('button', { name: 'Devolver con comentario' }).click();
    await secretariatPage.getByText('El reporte fue devuelto a la institución.').waitFor();
  });

  it('shows the enlace the comment, on its home page too, whose link opens the report; it fixes the activity and submits again', async () => {
    await enlacePage.goto(`${telar.baseUrl}/pendientes`);
    await enlacePage.getByRole('article', { name: /Informe anual 2026/ }).getByText(COMMENT).waitFor();
    await enlacePage.goto(`${telar.baseUrl}/`);
    const sentBack = enlacePage.getByRole('region', { name: 'Lo que me toca' }).getByRole('list', { name: '1 reporte devuelto para corregir' });
    await sentBack.getByText(`Motivo de la devolución: ${COMMENT}`).waitFor();
    await sentBack.getByText('Fecha límite: 31 de enero de 2099').waitFor();
    await expectNoSeriousAxeViolations(enlacePage);
    await sentBack.getByRole('link', { name: 'Reporte de SNDIF · Informe anual 2026' }).click();
    await enlacePage.waitForURL(`**/reportes/${reportId}`);
    await enlacePage.getByRole('alert').filter({ hasText: COMMENT }).waitFor();
    await enlacePage.getByRole('link', { name: `Editar ${ACTIVITY}` }).click();
    const participants = enlacePage.getByLabel('Participantes', { exact: true });
    await expect.poll(() => enlacePage.getByLabel('Título').inputValue()).toBe(ACTIVITY);
    await participants.fill('180');
    await enlacePage.getByRole('button', { name: 'Guardar cambios' }).click();
    await enlacePage.waitForURL(`**/reportes/${reportId}`);
    await enlacePage.getByRole('button', { name: 'Enviar a revisión' }).click();
    await enlacePage.getByRole('dialog').getByRole('button', { name: 'Enviar a revisión' }).click();
    await enlacePage.getByText('El reporte se envió a revisión.').waitFor();
  });

  it('counts the activity on the dashboard and the map only once the secretariat accepts it', async () => {
    const before = await telar.adminApi.get<{ total: { participants: number }; pendingReview: number }>('/dashboards/activities?from=2026&to=2026');
    expect(before).toMatchObject({ total: { participants: 0 }, pendingReview: 1 });

    await secretariatPage.goto(`${telar.baseUrl}/reportes/${reportId}`);
    await secretariatPage.getByRole('button', { name: 'Aceptar' }).click();
    await secretariatPage.getByRole('dialog', { name: '¿Aceptar el reporte?' }).getByRole('button', { name: 'Aceptar' }).click();
    await secretariatPage.getByText('El reporte fue aceptado; sus actividades ya cuentan en los tableros.').waitFor();

    await secretariatPage.goto(`${telar.baseUrl}/tableros?from=2026&to=2026&measure=participants`);
    const jalisco = secretariatPage.locator('[data-code="MX-JAL"][role="button"]');
    await expect.poll(() => jalisco.getAttribute('aria-label')).toBe('Jalisco: 180 participantes');
    await expectNoSeriousAxeViolations(secretariatPage);
    await jalisco.click();
    await secretariatPage.waitForURL(/stateCode=MX-JAL/);
    await secretariatPage.getByRole('row', { name: /Capacitación/ }).getByText('180').first().waitFor();
  });
});
