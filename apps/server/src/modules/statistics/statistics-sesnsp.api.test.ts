/**
 * The real files: SESNSP child victims (108,864 rows), CONAPO population 0–17 and the SESNSP age
 * coverage, imported once through the command line, then asked what the figures are.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disclosureRisks } from '@telar/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportDatasetCommand, importDatasetCommand } from '../../cli/dataset.command.js';
import { createTestContext, testDatabaseKind, type TestContext } from '../../test/test-context.js';

const fixture = (name: string) => new URL(`../../demo/fixtures/statistics/${name}`, import.meta.url).pathname;
const SESNSP = fixture('sesnsp-victimas-nna-estatal.csv');

const workDir = mkdtempSync(join(tmpdir(), 'telar-sesnsp-'));
let ctx: TestContext;
let victimsId: string;
let importMilliseconds: number;

function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return { out, err };
}
afterEach(() => vi.restoreAllMocks());

const runImport = async (args: string[]) => {
  const output = captureOutput();
  const code = await importDatasetCommand([...args, '--json'], ctx.handle);
  vi.restoreAllMocks();
  return { code, result: JSON.parse(output.out.join('\n')), err: output.err };
};

beforeAll(async () => {
  ctx = await createTestContext();
  const started = performance.now();
  const victims = await runImport([SESNSP, '--name', 'Víctimas de 0 a 17 años (SESNSP)']);
  importMilliseconds = performance.now() - started;
  expect(victims.code, victims.err.join('\n')).toBe(0);
  await runImport([fixture('conapo-poblacion-0-17-estatal.csv'), '--name', 'Población de 0 a 17 años (CONAPO)']);
  await runImport([fixture('sesnsp-victimas-cobertura-edad-estatal.csv'), '--name', 'Cobertura de edad (SESNSP)', '--dimensions', 'year,state_iso', '--measure', 'pct_age_known']);
  const list = (await ctx.api('GET', '/statistics/datasets')).body as { id: string; name: string }[];
  const idOf = (name: string) => list.find((d) => d.name === name)!.id;
  victimsId = idOf('Víctimas de 0 a 17 años (SESNSP)');
  const { version } = (await ctx.api('GET', `/statistics/datasets/${victimsId}`)).body;
  const linked = await ctx.api('PATCH', `/statistics/datasets/${victimsId}`, {
    populationDatasetId: idOf('Población de 0 a 17 años (CONAPO)'),
    coverageDatasetId: idOf('Cobertura de edad (SESNSP)'),
    coverageThreshold: 50,
    version,
  });
  expect(linked.status, JSON.stringify(linked.body)).toBe(200);
}, 300_000);
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await ctx.close();
});

const table = async (query: string) => {
  const response = await ctx.api('GET', `/statistics/datasets/${victimsId}/table?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

describe('the SESNSP child-victims file', () => {
  it('imports whole, with its provenance; on PostgreSQL within 5 s', async () => {
    const detail = (await ctx.api('GET', `/statistics/datasets/${victimsId}`)).body;
    expect(detail).toMatchObject({ currentRevision: 1, observations: 108_864 });
    expect(detail.provenance).toMatch(/^SESNSP \(Secretariado Ejecutivo/);
    expect(detail.dimensions.map((d: { code: string }) => d.code)).toEqual(['period', 'state', 'crime_type', 'crime_subtype', 'sex']);
    console.info(`SESNSP import on ${testDatabaseKind}: ${Math.round(importMilliseconds)} ms`);
    if (testDatabaseKind === 'postgres') expect(importMilliseconds).toBeLessThan(5_000);
  });

  it('homicidio doloso of children in 2024: 968 victims, 2.49 per 100,000 nationally, Colima the highest rate (≈ 9.7)', async () => {
    const where = 'where=crime_subtype:Homicidio doloso&where=year:2024';
    expect((await table(`${where}&view=internal`)).cells).toEqual([{ key: {}, value: 968, flag: null }]);
    const national = await table(`${where}&kind=rate`);
    expect(national.cells[0].value).toBe(2.49);
    const byState = await table(`by=state&${where}&kind=rate&view=internal`);
    const ranked = [...byState.cells].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    expect(ranked[0].key).toEqual({ state: 'MX-COL' });
    expect(ranked[0].value).toBeCloseTo(9.7, 1);
    expect(byState.labels.state['MX-COL']).toBe('Colima');
  });

  it('secuestro in 2024 by state: 13 states with 1–4 victims inside, none visible in the public view', async () => {
    const where = 'by=state&where=crime_type:Secuestro&where=year:2024';
    const internal = await table(`${where}&view=internal`);
    expect(internal.cells.filter((c: { value: number }) => c.value >= 1 && c.value <= 4)).toHaveLength(13);
    const published = await table(where);
    const entries = [...published.cells, ...published.margins];
    expect(entries.filter((c: { value: number | null }) => c.value !== null && c.value >= 1 && c.value <= 4)).toEqual([]);
    expect(disclosureRisks(published, published.disclosureThreshold)).toEqual([]);
    expect(published.suppressedCells).toBeGreaterThanOrEqual(13);
  });

  it('marks state-years whose age coverage is under 50 % unreliable (Aguascalientes every year), not suppressed cells', async () => {
    const byYear = await table('by=state,year&where=state:Aguascalientes&where=crime_type:Lesiones&view=internal');
    expect(byYear.cells.length).toBeGreaterThan(10);
    expect(byYear.cells.every((c: { flag: string | null }) => c.flag === 'unreliable')).toBe(true);
    const published = await table('by=state&where=crime_type:Secuestro&where=year:2024');
    expect(published.cells.filter((c: { flag: string }) => c.flag === 'suppressed').every((c: { value: null }) => c.value === null)).toBe(true);
  });

  it('a re-import of the same file writes no revision', async () => {
    const again = await runImport([SESNSP, '--name', 'Víctimas de 0 a 17 años (SESNSP)']);
    expect(again.code).toBe(0);
    expect(again.result).toMatchObject({ dataset: 'Víctimas de 0 a 17 años (SESNSP)', revision: 1, observations: 108_864, warnings: [] });
    expect(Object.keys(again.result)).toEqual(['dataset', 'revision', 'observations', 'dimensions', 'warnings']);
    expect((await ctx.api('GET', `/statistics/datasets/${victimsId}`)).body.revisions).toHaveLength(1);
  });

  it('exports a public table as JSON with exactly dimensions, cells and margins, and lists the datasets', async () => {
    let output = captureOutput();
    expect(await exportDatasetCommand(['Víctimas de 0 a 17 años (SESNSP)', '--by', 'state', '--where', 'crime_type=Secuestro', '--where', 'year=2024', '--public', '--format', 'json'], ctx.handle)).toBe(0);
    const exported = JSON.parse(output.out.join(''));
    expect(Object.keys(exported)).toEqual(['dimensions', 'cells', 'margins']);
    expect(exported.dimensions).toEqual(['state']);
    expect([...exported.cells, ...exported.margins].some((c: { value: number | null }) => c.value !== null && c.value >= 1 && c.value <= 4)).toBe(false);
    vi.restoreAllMocks();

    output = captureOutput();
    expect(await exportDatasetCommand(['--list', '--json'], ctx.handle)).toBe(0);
    const list = JSON.parse(output.out.join(''));
    expect(list).toContainEqual({ name: 'Víctimas de 0 a 17 años (SESNSP)', observations: 108_864, dimensions: ['period', 'state', 'crime_type', 'crime_subtype', 'sex'], measures: ['victims'] });
  });

  it('takes the 5.6 MB file through the API too (the upload has its own limit), here as a dry run that finds nothing to change', async () => {
    const form = new FormData();
    form.set('file', new File([readFileSync(SESNSP)], 'sesnsp-victimas-nna-estatal.csv', { type: 'text/csv' }));
    form.set('name', 'Víctimas de 0 a 17 años (SESNSP)');
    form.set('dryRun', 'true');
    const preview = await ctx.api('POST', '/statistics/datasets/import', form);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ datasetId: victimsId, isDryRun: true, isRefused: false, observations: 108_864, added: 0, changed: 0, removed: 0 });
  });

  it('downloads the public CSV with its provenance and the Excel workbook', async () => {
    const csv = await ctx.request(`/api/statistics/datasets/${victimsId}/download?format=csv&by=state&where=crime_type:Secuestro&where=year:2024`);
    const text = await csv.text();
    expect(text).toContain('Procedencia: SESNSP');
    expect(text).toContain('Vista pública');
    const xlsx = await ctx.request(`/api/statistics/datasets/${victimsId}/download?format=xlsx&by=state,year&where=crime_type:Secuestro`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const sdmx = await (await ctx.request(`/api/statistics/datasets/${victimsId}/download?format=sdmx&by=state&where=crime_type:Secuestro&where=year:2024`)).text();
    expect(sdmx.split('\n')[0]).toMatch(/^STRUCTURE,STRUCTURE_ID,ACTION,STATE,MEASURE,OBS_VALUE,OBS_STATUS,CONF_STATUS/);
    expect(sdmx).toContain(',MX-COL,victims,,A,C,');
  });

  it('a corrected file becomes revision 2 with what changed counted; revision 1 keeps the values as first published', async () => {
    const corrected = readFileSync(SESNSP, 'utf8')
      .replace('\n2024,2,06,MX-COL,Homicidio,Homicidio doloso,hombre,3\n', '\n2024,2,06,MX-COL,Homicidio,Homicidio doloso,hombre,5\n')
      .replace('\n2024,3,06,MX-COL,Homicidio,Homicidio doloso,mujer,0\n', '\n2024,3,06,MX-COL,Homicidio,Homicidio doloso,mujer,1\n')
      .replace('\n2024,1,06,MX-COL,Homicidio,Homicidio doloso,mujer,0\n', '\n');
    const file = join(workDir, 'sesnsp-corregido.csv');
    writeFileSync(file, corrected);
    const revised = await runImport([file, '--name', 'Víctimas de 0 a 17 años (SESNSP)']);
    expect(revised.result).toMatchObject({ revision: 2, observations: 108_863 });
    const detail = (await ctx.api('GET', `/statistics/datasets/${victimsId}`)).body;
    expect(detail.revisions[1]).toMatchObject({ number: 2, fileName: 'sesnsp-corregido.csv', added: 0, removed: 1, changed: 2, observations: 108_863 });
    expect(detail.revisions[1].samples).toContainEqual({
      key: { period: '2024-02', state: 'MX-COL', crime_type: 'Homicidio', crime_subtype: 'Homicidio doloso', sex: 'hombre' },
      measure: 'victims',
      before: 3,
      after: 5,
    });
    const where = 'where=crime_subtype:Homicidio doloso&where=year:2024&view=internal';
    expect((await table(where)).cells[0].value).toBe(968 + 3);
    expect((await table(`${where}&revision=1`)).cells[0].value).toBe(968);
  });
});
