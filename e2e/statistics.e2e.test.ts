/**
 * Statistics end to end: the real SESNSP and CONAPO files imported with the command line, linked and
 * published through the API; a citizen on a phone reads and downloads the public table, the
 * administration compares it with the internal view and imports a file with an inconsistency.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type CrossTab, disclosureRisks } from '@telar/domain';
import { type Browser, devices, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousAxeViolations, launchBrowser, openPage, openSignedInPage } from './support/browser.js';
import { type RunningTelar, startTelar } from './support/telar-server.js';

const run = promisify(execFile);
const telarBin = fileURLToPath(new URL('../bin/telar.mjs', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../apps/server/src/demo/fixtures/statistics/${name}`, import.meta.url));
const VICTIMS = 'Víctimas NNA (SESNSP)';
const POPULATION = 'Población de 0 a 17 años (CONAPO)';
/** Counts from 1 to this are never shown in the public view. */
const LARGEST_SUPPRESSED = 4;

const workDir = mkdtempSync(join(tmpdir(), 'telar-stat-e2e-'));
const dataDir = join(workDir, 'data');
const env = { ...process.env, TELAR_DATA_DIR: dataDir, DATABASE_URL: '' };
/** The built `telar` command on this test's embedded database (only while the server is stopped: it locks it). */
const telar = (...args: string[]) => run(process.execPath, [telarBin, ...args], { env, maxBuffer: 16 * 1024 * 1024 });

interface TableEntry {
  key: Record<string, string>;
  value: number | null;
  flag: string | null;
}
interface DatasetDetail {
  id: string;
  version: number;
  dimensions: { code: string; label: string }[];
}

let telarServer: RunningTelar;
let browser: Browser;
let victims: DatasetDetail;
let publicExport: { dimensions: string[]; cells: TableEntry[]; margins: TableEntry[] };

const isSmallCount = (value: number | null) => value !== null && value >= 1 && value <= LARGEST_SUPPRESSED;

/** A downloaded CSV: its `#` comment lines, its header and its rows, each a record by header. */
function parseCsv(text: string) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  const comments = lines.filter((line) => line.startsWith('#'));
  const [header, ...body] = lines.filter((line) => !line.startsWith('#')).map(splitCsvLine);
  const rows = body.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index] ?? ''])));
  return { comments, header: header!, rows };
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) cells.push(cell), (cell = '');
    else cell += char;
  }
  cells.push(cell);
  return cells;
}

async function downloadedText(page: Page, linkName: string) {
  const [download]: [Download, unknown] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function expectNoSeriousAxeViolations(page: Page) {
  expect(await findSeriousAxeViolations(page)).toEqual([]);
}

beforeAll(async () => {
  const imported = JSON.parse((await telar('import', 'dataset', fixture('sesnsp-victimas-nna-estatal.csv'), '--name', VICTIMS, '--json')).stdout);
  expect(imported).toMatchObject({ dataset: VICTIMS, revision: 1, observations: 108_864 });
  await telar('import', 'dataset', fixture('conapo-poblacion-0-17-estatal.csv'), '--name', POPULATION, '--json');
  // Before the server starts: the embedded database is locked while it runs.
  publicExport = JSON.parse(
    (await telar('export', 'dataset', VICTIMS, '--by', 'state', '--where', 'crime_type=Secuestro', '--where', 'year=2024', '--public', '--format', 'json')).stdout,
  );

  telarServer = await startTelar({ TELAR_DATA_DIR: dataDir });
  const list = await telarServer.adminApi.get<{ id: string; name: string }[]>('/statistics/datasets');
  const idOf = (name: string) => list.find((d) => d.name === name)!.id;
  const detail = await telarServer.adminApi.get<DatasetDetail>(`/statistics/datasets/${idOf(VICTIMS)}`);
  const linked = await telarServer.adminApi.patch<DatasetDetail>(`/statistics/datasets/${detail.id}`, { populationDatasetId: idOf(POPULATION), version: detail.version });
  await telarServer.adminApi.post(`/statistics/datasets/${detail.id}/publish`, { version: linked.version });
  victims = linked;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await telarServer?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const SECUESTRO_2024 = 'by=state&where=crime_type:Secuestro&where=year:2024';
const dimensionLabel = (code: string) => victims.dimensions.find((d) => d.code === code)!.label;

describe('statistics', () => {
  it('the command line exports secuestro 2024 by state in the public view with no small count and nothing deducible', () => {
    expect(publicExport.dimensions).toEqual(['state']);
    const entries = [...publicExport.cells, ...publicExport.margins];
    expect(entries.length).toBeGreaterThan(30);
    expect(entries.filter((entry) => isSmallCount(entry.value))).toEqual([]);
    expect(entries.filter((entry) => entry.flag === 'suppressed').length).toBeGreaterThan(0);
    expect(disclosureRisks(publicExport as unknown as CrossTab, LARGEST_SUPPRESSED + 1)).toEqual([]);
  });

  it('a citizen on a phone filters, sees the map, switches to the rate and downloads both CSVs without small counts', async () => {
    const page = await openPage(browser, { ...devices['Pixel 7'] });
    await page.goto(`${telarServer.baseUrl}/publico/estadisticas`);
    await page.getByRole('link', { name: VICTIMS }).click();
    await expect.poll(() => page.url()).toContain(`/publico/estadisticas/${victims.id}`);
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel(dimensionLabel('crime_type'), { exact: true }).selectOption({ label: 'Secuestro' });
    await page.getByLabel(dimensionLabel('period'), { exact: true }).selectOption({ label: '2024' });
    await page.getByLabel('Ver por', { exact: true }).selectOption({ label: 'Entidad federativa' });
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/por=state/);
    expect(JSON.parse(new URL(page.url()).searchParams.get('filtro')!)).toEqual(expect.arrayContaining(['crime_type:Secuestro', 'period:2024']));
    await page.getByRole('img', { name: /^Mapa de México/ }).waitFor();
    await expectNoSeriousAxeViolations(page);

    const counts = parseCsv(await downloadedText(page, 'Descargar CSV'));
    expect(counts.comments.some((line) => line.includes('Procedencia: SESNSP'))).toBe(true);
    expect(counts.comments.some((line) => line.includes('Vista pública'))).toBe(true);
    expect(counts.rows.length).toBeGreaterThan(30);
    expect(counts.rows.filter((row) => row.valor !== '' && isSmallCount(Number(row.valor)))).toEqual([]);
    const suppressed = counts.rows.filter((row) => row.marca === 'confidencial');
    expect(suppressed.length).toBeGreaterThan(0);
    expect(suppressed.every((row) => row.valor === '')).toBe(true);
    // The page's download is the same table the command line exports.
    expect(counts.rows).toHaveLength(publicExport.cells.length + publicExport.margins.length);
    expect(suppressed).toHaveLength([...publicExport.cells, ...publicExport.margins].filter((entry) => entry.flag === 'suppressed').length);

    await page.getByLabel('Tasa por 100 mil NNA', { exact: true }).check();
    await expect.poll(() => page.url()).toContain('cifra=rate');
    const table = page.locator('table.stat-table');
    await expect.poll(async () => (await table.textContent()) ?? '').toMatch(/\d+\.\d/);
    await expectNoSeriousAxeViolations(page);

    const rates = parseCsv(await downloadedText(page, 'Descargar CSV'));
    expect(rates.comments.some((line) => line.includes('tasa por 100,000'))).toBe(true);
    expect(rates.comments.some((line) => line.includes('Procedencia: SESNSP'))).toBe(true);
    const suppressedRates = rates.rows.filter((row) => row.marca === 'confidencial');
    expect(suppressedRates.every((row) => row.valor === '')).toBe(true);
    // A rate hides exactly the states whose count is hidden: one could otherwise multiply it back.
    const stateColumn = counts.header[0]!;
    expect(suppressedRates.map((row) => row[stateColumn]).sort()).toEqual(suppressed.map((row) => row[stateColumn]).sort());
    await page.context().close();
  });

  it('the administration sees the internal view, with its banner and a small count the public view hides', async () => {
    const internal = await telarServer.adminApi.get<{ cells: TableEntry[]; labels: Record<string, Record<string, string>> }>(
      `/statistics/datasets/${victims.id}/table?${SECUESTRO_2024}&view=internal`,
    );
    const small = internal.cells.find((cell) => isSmallCount(cell.value))!;
    const stateName = internal.labels.state![small.key.state!]!;

    const page = await openSignedInPage(browser, telarServer.baseUrl, telarServer.admin);
    await page.goto(`${telarServer.baseUrl}/estadisticas/${victims.id}?por=state&filtro=${encodeURIComponent(JSON.stringify(['crime_type:Secuestro', 'period:2024']))}`);
    const table = page.locator('table.stat-table');
    const stateRow = table.getByRole('row').filter({ has: page.getByText(stateName, { exact: true }) });
    await expect.poll(async () => (await stateRow.textContent()) ?? '').toContain('Confidencial');
    await page.getByRole('group', { name: 'Vista' }).waitFor();
    await page.getByLabel('Vista interna', { exact: true }).check();
    await page.getByText('Vista interna: cifras sin suprimir — no publicar').waitFor();
    await expect.poll(async () => (await stateRow.textContent()) ?? '').toContain(String(small.value));
    expect(await stateRow.textContent()).not.toContain('Confidencial');
    await page.context().close();
  });

  it('an import with a negative count names its row and column; «Rechazar» writes nothing, keeping them marks the value', async () => {
    const file = join(workDir, 'inconsistente.csv');
    writeFileSync(file, ['year,state_iso,sex,victims', '2024,MX-AGU,hombre,12', '2024,MX-AGU,mujer,-3', '2024,MX-BCN,hombre,20', '2024,MX-BCN,mujer,18'].join('\n'));
    const name = 'Archivo con un conteo negativo';
    const page = await openSignedInPage(browser, telarServer.baseUrl, telarServer.admin);
    await page.goto(`${telarServer.baseUrl}/estadisticas/importar`);
    await page.getByLabel('Archivo', { exact: true }).setInputFiles(file);
    await page.getByLabel('Nombre del conjunto de datos', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Ver vista previa' }).click();
    const errors = page.getByRole('table', { name: '1 error' });
    const problem = errors.getByRole('row').filter({ hasText: 'un conteo no puede ser negativo (-3)' });
    await expect.poll(async () => (await problem.textContent()) ?? '').toContain('victims');
    expect(await problem.textContent()).toMatch(/^3/);
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Rechazar', { exact: true }).check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('No se importó nada: el archivo tiene 1 error.').waitFor();
    const afterRefusal = await telarServer.adminApi.get<{ name: string }[]>('/statistics/datasets');
    expect(afterRefusal.map((d) => d.name)).not.toContain(name);

    await page.getByLabel('Conservar los valores de la fuente marcados como inconsistentes', { exact: true }).check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.waitForURL(/\/estadisticas\/[0-9a-f-]{36}/);
    await page.getByText('inconsistente en la fuente').first().waitFor();
    const imported = (await telarServer.adminApi.get<{ id: string; name: string }[]>('/statistics/datasets')).find((d) => d.name === name)!;
    const table = await telarServer.adminApi.get<{ cells: TableEntry[] }>(`/statistics/datasets/${imported.id}/table?by=state,sex&view=internal`);
    expect(table.cells.filter((cell) => cell.flag === 'inconsistent')).toEqual([{ key: { state: 'MX-AGU', sex: 'mujer' }, value: -3, flag: 'inconsistent' }]);
    await page.context().close();
  });
});
