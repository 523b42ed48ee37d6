import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../apps/server/src/modules/notifications/smtp.test-support.js';
import { type ApiSession, createAccountApi, type Credentials, signInApi } from './support/api-session.js';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

/**
 * A report sent back reaches its enlace by e-mail: the enlace chooses mail «al momento» in «Mi cuenta», the
 * secretariat sends the report back, the running server mails it through SMTP, and the link in the mail
 * opens the report. The bell counts the notice until it is read.
 */

let telar: RunningTelar;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let browser: Browser;
let enlacePage: Page;
let reportId: string;
let reportVersion: number;
let secretariatApi: ApiSession;

const secretariat: Credentials = { email: 'secretaria.comse@e2e.telar.mx', password: 'Secretaria-COMSE-clave-2024' };
const enlace: Credentials = { email: 'enlace.sep@e2e.telar.mx', password: 'Enlace-SEP-clave-2024' };

beforeAll(async () => {
  smtp = await startSmtpServer();
  // The server looks for notices every 2 seconds instead of every minute, so the spec does not wait.
  telar = await startTelar({ TELAR_SMTP_URL: smtp.url, TELAR_NOTIFY_EVERY: '2' });
  browser = await launchBrowser();
  const post = <T = { id: string }>(path: string, body: unknown) => telar.adminApi.post<T>(path, body);
  const body = await post('/bodies', { kind: 'commission', name: 'Comisión de Secretarías Ejecutivas', acronym: 'COMSE', level: 'national' });
  const sep = await post('/organizations', { name: 'Secretaría de Educación Pública', acronym: 'SEP', sector: 'government', level: 'federal' });
  const plan = await post('/plans', { name: 'Programa de trabajo 2026', bodyId: body.id });
  await post('/plan-nodes', { planId: plan.id, parentId: null, kind: 'action_line', code: '1', title: 'Escuelas seguras', responsibleOrganizationIds: [sep.id] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...secretariat, name: 'Secretaría técnica COMSE', roles: [{ role: 'secretariat', bodyId: body.id }] });
  await createAccountApi(telar.baseUrl, telar.adminApi, { ...enlace, name: 'Enlace de la SEP', roles: [{ role: 'enlace', organizationId: sep.id }] });
  secretariatApi = await signInApi(telar.baseUrl, secretariat);
  const enlaceApi = await signInApi(telar.baseUrl, enlace);
  const period = await post<{ reports: { id: string; version: number }[] }>('/reporting-periods', {
    planId: plan.id,
    title: 'Primer semestre 2026',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    dueDate: '2099-07-31',
  });
  reportId = period.reports[0]!.id;
  reportVersion = (await enlaceApi.post<{ version: number }>(`/reports/${reportId}/submit`, { version: period.reports[0]!.version })).version;
  enlacePage = await openSignedInPage(browser, telar.baseUrl, enlace);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await telar?.stop();
  await smtp?.close();
});

describe('notifications by e-mail', () => {
  it('lets the enlace choose mail at once in «Mi cuenta»', async () => {
    await enlacePage.goto(`${telar.baseUrl}/mi-cuenta`);
    await enlacePage.getByRole('link', { name: 'Elegir qué avisos recibo y cuándo' }).click();
    await enlacePage.getByRole('radio', { name: 'Un correo por aviso, al momento' }).check();
    // Their own items sent back cannot be switched off.
    expect(await enlacePage.getByRole('checkbox', { name: 'Reportes devueltos a mi organización' }).isDisabled()).toBe(true);
    expect(await findSeriousAxeViolations(enlacePage)).toEqual([]);
    await enlacePage.getByRole('button', { name: 'Guardar preferencias' }).click();
    await enlacePage.getByText('Preferencias guardadas.').waitFor();
  });

  it('mails the enlace when the report is sent back; the link opens the report and the bell counts the notice', async () => {
    await secretariatApi.post(`/reports/${reportId}/review`, { decision: 'send_back', comment: 'Faltan las evidencias del segundo trimestre.', version: reportVersion });
    const deadline = Date.now() + 30_000;
    while (!smtp.received.some((m) => m.to.includes(enlace.email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const mail = smtp.received.find((m) => m.to.includes(enlace.email));
    expect(mail?.subject).toBe('Telar: Su reporte «Primer semestre 2026» fue devuelto');
    // No one else was told, and the review comment stays in Telar.
    expect(smtp.received.every((m) => m.to.includes(enlace.email))).toBe(true);
    expect(mail!.text).not.toContain('Faltan las evidencias');
    const link = /https?:\/\/\S+\/reportes\/[0-9a-f-]+/.exec(mail!.text)?.[0];
    expect(link).toBe(`${telar.baseUrl}/reportes/${reportId}`);

    await enlacePage.goto(link!);
    await enlacePage.getByRole('heading', { level: 1, name: /Primer semestre 2026/ }).waitFor();
    await enlacePage.getByText('Faltan las evidencias del segundo trimestre.').first().waitFor();
    const bell = enlacePage.getByRole('link', { name: 'Avisos 1 sin leer' });
    await bell.click();
    await enlacePage.getByRole('heading', { level: 1, name: 'Avisos' }).waitFor();
    expect(await findSeriousAxeViolations(enlacePage)).toEqual([]);
    await enlacePage.getByRole('button', { name: 'Marcar como leído: Su reporte «Primer semestre 2026» fue devuelto' }).click();
    await enlacePage.getByRole('link', { name: 'Avisos', exact: true }).waitFor();
  });
});
