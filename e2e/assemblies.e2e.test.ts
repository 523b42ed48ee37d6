import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations, launchBrowser, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

let telar: RunningTelar;
let browser: Browser;
let page: Page;
let assemblyId: string;

beforeAll(async () => {
  telar = await startTelar({}, { withDemoData: true });
  browser = await launchBrowser();
  page = await openSignedInPage(browser, telar.baseUrl, telar.admin);
  const sessions = await telar.adminApi.get<{ items: { id: string; kind: string }[] }>('/sessions?kind=assembly');
  assemblyId = sessions.items[0]!.id;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await telar?.stop();
});

describe('an assembly of the demo (seed 003)', () => {
  it('shows its programme, its attendance and the achievements it reported, accessibly', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/${assemblyId}`);
    await page.getByRole('heading', { name: 'Segunda Asamblea' }).waitFor();
    const agenda = page.getByRole('table', { name: 'Orden del día' });
    await expect.poll(() => agenda.locator('tbody tr').count()).toBe(20);
    expect(await agenda.locator('tbody tr').first().innerText()).toContain('¡Bienvenidas y Bienvenidos!');
    expect(await agenda.locator('tbody tr', { hasText: 'ENAPI' }).innerText()).toContain('Ricardo Bucio Mújica');
    expect(await page.getByText('No hay asistencia registrada en esta sesión.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Logros y planes informados' }).getByRole('listitem').count()).toBe(3);
    const violations = await findSeriousAxeViolations(page);
    expect(violations.map((v) => `${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('edits the agenda: an end before its start is refused on that item, then the times are saved and shown', async () => {
    await page.goto(`${telar.baseUrl}/sesiones/${assemblyId}`);
    await page.locator('summary', { hasText: 'Editar el orden del día' }).click();
    const second = page.getByRole('group', { name: 'Punto 2', exact: true });
    await second.getByLabel('Hora de inicio').fill('09:00');
    await second.getByLabel('Hora de término').fill('08:30');
    await page.getByRole('button', { name: 'Guardar el orden del día' }).click();
    await page.getByText('Punto 2 («Dinámica de integración»): la hora de término (08:30) es anterior a la de inicio (09:00).').waitFor();
    await second.getByLabel('Hora de término').fill('09:30');
    await page.getByRole('button', { name: 'Guardar el orden del día' }).click();
    await page.getByText('El orden del día se guardó.').waitFor();
    const row = page.getByRole('table', { name: 'Orden del día' }).locator('tbody tr', { hasText: 'Dinámica de integración' });
    await expect.poll(() => row.innerText()).toContain('09:00–09:30');
  });
});
