import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CrossTabViewSchema,
  DatasetDetailViewSchema,
  DatasetSummaryViewSchema,
  disclosureRisks,
  type Observation,
  type ParsedDataset,
  PublicDatasetViewSchema,
} from '@telar/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDatasetCommand } from '../../cli/dataset.command.js';
import { systemActor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/query.js';
import { createServices } from '../../services.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

const workDir = mkdtempSync(join(tmpdir(), 'telar-dataset-'));
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await ctx.close();
});

const statistics = () => createServices(ctx.handle.db, systemActor('test')).statistics;
const fields = (name: string, more: Partial<{ policy: 'refuse' | 'keep_flagged'; dryRun: boolean }> = {}) => ({ name, policy: 'refuse' as const, dryRun: false, ...more });
const countObservations = async () => (await queryRows<{ n: number }>(ctx.handle.db, sql`select count(*)::int as n from stat_observations`))[0]!.n;

const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const STATES = [
  { code: 'MX-COL', label: 'Colima' },
  { code: 'MX-AGU', label: 'Aguascalientes' },
  { code: 'MX-JAL', label: 'Jalisco' },
];
const SEXES = [
  { code: 'hombre', label: 'Hombre' },
  { code: 'mujer', label: 'Mujer' },
];

/** Victims by month × state × sex; `value` gives each cell, and `extra` adds observations (a source's total). */
function victims(value: (month: number, state: number, sex: number) => number | null, extra: Observation[] = []): ParsedDataset {
  const observations: Observation[] = MONTHS.flatMap((month, m) =>
    STATES.flatMap((state, s) =>
      SEXES.map((sex, x) => {
        const v = value(m, s, x);
        return { key: { period: month, state: state.code, sex: sex.code }, measure: 'victims', value: v, flags: v === null ? ['not_available' as const] : [], comment: null };
      }),
    ),
  );
  return {
    metadata: { publisher: 'Fuente de prueba', provenance: 'Datos inventados para la prueba.' },
    dimensions: [
      { code: 'period', label: 'Periodo', kind: 'period', codes: MONTHS.map((code) => ({ code, label: code })) },
      { code: 'state', label: 'Entidad', kind: 'state', codes: STATES },
      { code: 'sex', label: 'Sexo', kind: 'sex', codes: [...SEXES, { code: 'total', label: 'Total', isTotal: true }] },
    ],
    measures: [{ code: 'victims', label: 'Víctimas', unit: 'persons', scale: 1, isPersonCount: true }],
    observations: [...observations, ...extra],
    issues: [],
  };
}

const table = (id: string, query: string) => ctx.api('GET', `/statistics/datasets/${id}/table?${query}`);
const valueOf = (body: { cells: { key: Record<string, string>; value: number | null }[] }, key: Record<string, string>) =>
  body.cells.find((cell) => JSON.stringify(cell.key) === JSON.stringify(key))?.value;

describe('dataset revisions', () => {
  let id: string;
  const base = (m: number, s: number, x: number) => 10 * (m + 1) + s + x;

  it('creates the dataset with revision 1, then writes only what changed as revision 2; revision 1 stays queryable', async () => {
    const first = await statistics().importParsed(victims(base), 'victimas.csv', fields('Víctimas de prueba'));
    expect(first).toMatchObject({ revision: 1, observations: 24, added: 24, removed: 0, changed: 0, isRefused: false, isDryRun: false });
    id = first.datasetId!;

    // Two values corrected, one observation gone (Jalisco, women, April), one new (a source total).
    const corrected = victims(
      (m, s, x) => (m === 0 && s === 0 ? base(m, s, x) + 100 : base(m, s, x)),
      [{ key: { period: '2024-01', state: 'MX-COL', sex: 'total' }, measure: 'victims', value: 221, flags: [], comment: null }],
    );
    corrected.observations = corrected.observations.filter((o) => !(o.key.period === '2024-04' && o.key.state === 'MX-JAL' && o.key.sex === 'mujer'));
    const second = await statistics().importParsed(corrected, 'victimas-corregido.csv', fields('víctimas de prueba'));
    expect(second).toMatchObject({ datasetId: id, revision: 2, added: 1, removed: 1, changed: 2 });

    const detail = await ctx.api('GET', `/statistics/datasets/${id}`);
    expect(DatasetDetailViewSchema.parse(detail.body)).toEqual(detail.body);
    expect(detail.body.currentRevision).toBe(2);
    expect(detail.body.revisions.map((r: { number: number; changed: number }) => [r.number, r.changed])).toEqual([
      [1, 0],
      [2, 2],
    ]);
    expect(detail.body.revisions[1].samples).toContainEqual({ key: { period: '2024-01', state: 'MX-COL', sex: 'hombre' }, measure: 'victims', before: 10, after: 110 });
    // The months roll up: the period's code list also holds the quarters and years.
    expect(detail.body.dimensions[0]).toMatchObject({ code: 'period', levels: ['year', 'quarter'] });
    expect(detail.body.dimensions[0].codes.map((c: { code: string }) => c.code)).toEqual([...MONTHS, '2024', '2024-Q1', '2024-Q2']);

    const now = await table(id, 'by=state&where=period:2024-01&view=internal');
    expect(CrossTabViewSchema.parse(now.body)).toEqual(now.body);
    expect(valueOf(now.body, { state: 'MX-COL' })).toBe(10 + 11 + 200);
    const before = await table(id, 'by=state&where=period:2024-01&view=internal&revision=1');
    expect(before.body.revision).toBe(1);
    expect(valueOf(before.body, { state: 'MX-COL' })).toBe(10 + 11);
  });

  it('writes no revision when the file is the same as the current one', async () => {
    const observationsBefore = await countObservations();
    const corrected = victims((m, s, x) => (m === 0 && s === 0 ? base(m, s, x) + 100 : base(m, s, x)), [
      { key: { period: '2024-01', state: 'MX-COL', sex: 'total' }, measure: 'victims', value: 221, flags: [], comment: null },
    ]);
    corrected.observations = corrected.observations.filter((o) => !(o.key.period === '2024-04' && o.key.state === 'MX-JAL' && o.key.sex === 'mujer'));
    const again = await statistics().importParsed(corrected, 'victimas-corregido.csv', fields('Víctimas de prueba'));
    expect(again).toMatchObject({ revision: 2, added: 0, removed: 0, changed: 0 });
    expect(await countObservations()).toBe(observationsBefore);
    expect((await ctx.api('GET', `/statistics/datasets/${id}`)).body.revisions).toHaveLength(2);
  });

  it('a dry run says what would change and writes nothing', async () => {
    const observationsBefore = await countObservations();
    const preview = await statistics().importParsed(victims(() => 7), 'otro.csv', fields('Víctimas de prueba', { dryRun: true }));
    expect(preview).toMatchObject({ isDryRun: true, revision: null, datasetId: id, changed: 23, added: 1, removed: 1 });
    expect(await countObservations()).toBe(observationsBefore);
  });

  it('rolls months up to quarters and years, finds codes by label or state name, and leaves the source total out unless asked for', async () => {
    const byQuarter = await table(id, 'by=quarter,sex&where=state=colima&view=internal');
    expect(byQuarter.status, JSON.stringify(byQuarter.body)).toBe(200);
    expect(byQuarter.body.dimensions).toEqual(['quarter', 'sex']);
    expect(byQuarter.body.labels.quarter).toEqual({ '2024-Q1': '1.º trimestre 2024', '2024-Q2': '2.º trimestre 2024' });
    expect(valueOf(byQuarter.body, { quarter: '2024-Q1', sex: 'hombre' })).toBe(110 + 20 + 30);
    expect(byQuarter.body.where).toEqual({ state: ['MX-COL'] });

    const year = await table(id, 'by=year&where=period:2024-Q2&where=sex:Mujer&view=internal');
    expect(year.body.cells).toEqual([{ key: { year: '2024' }, value: 41 + 42, flag: null }]);

    const total = await table(id, 'where=sex:total&where=period:2024-01&where=state:MX-COL&view=internal');
    expect(total.body.cells[0].value).toBe(221);
  });

  it('names the filter it cannot read (422), and refuses rates of a dataset without population', async () => {
    const unknown = await table(id, 'where=state:Atlántida');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0]).toMatchObject({ path: 'where.0' });
    expect(unknown.body.error.issues[0].message).toContain('Atlántida');
    expect((await table(id, 'by=colour')).status).toBe(422);
    const rate = await table(id, 'by=state&kind=rate');
    expect(rate.status).toBe(422);
    expect(rate.body.error.code).toBe('rate_unavailable');
  });
});

describe('disclosure control and who sees what', () => {
  let id: string;
  let version: number;
  beforeAll(async () => {
    // Small counts everywhere but Jalisco.
    id = (await statistics().importParsed(victims((_m, s, x) => (s === 2 ? 20 + x : 1 + x)), null, fields('Víctimas pequeñas'))).datasetId!;
    version = (await ctx.api('GET', `/statistics/datasets/${id}`)).body.version;
  });

  it('the public view suppresses counts of 1–4 and what would give them away; the internal view is for the secretariat and admins', async () => {
    const internal = await table(id, 'by=state,sex&where=period:2024-01&view=internal');
    expect(internal.body.view).toBe('internal');
    expect(internal.body.cells.filter((c: { value: number }) => c.value >= 1 && c.value <= 4)).toHaveLength(4);

    const published = await table(id, 'by=state,sex&where=period:2024-01');
    expect(published.body.view).toBe('public');
    const entries = [...published.body.cells, ...published.body.margins];
    expect(entries.filter((c: { value: number | null }) => c.value !== null && c.value >= 1 && c.value <= 4)).toEqual([]);
    expect(published.body.suppressedCells).toBeGreaterThanOrEqual(4);
    expect(disclosureRisks(published.body, 5)).toEqual([]);

    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const asked = await reader('GET', `/statistics/datasets/${id}/table?by=state,sex&where=period:2024-01&view=internal`);
    expect(asked.body.view).toBe('public');
    expect(asked.body.cells).toEqual(published.body.cells);
    expect((await reader('GET', `/statistics/datasets/${id}`)).body.abilities).toEqual({ edit: false, importRevision: false, publish: false, viewInternal: false });
  });

  it('the portal refuses an unpublished dataset (404) and, once published, gives only the public view', async () => {
    expect((await ctx.anonymous('GET', `/public/datasets/${id}`)).status).toBe(404);
    expect((await ctx.anonymous('GET', `/public/datasets/${id}/table?by=state`)).status).toBe(404);
    expect((await ctx.anonymous('GET', '/public/datasets')).body).toEqual([]);
    expect((await ctx.anonymous('GET', `/statistics/datasets/${id}/table`)).status).toBe(401);

    expect((await ctx.api('POST', `/statistics/datasets/${id}/publish`, { version })).status).toBe(204);
    const listed = await ctx.anonymous('GET', '/public/datasets');
    expect(listed.body.map((d: { name: string }) => d.name)).toEqual(['Víctimas pequeñas']);
    const portal = await ctx.anonymous('GET', `/public/datasets/${id}/table?by=state,sex&where=period:2024-01&view=internal`);
    expect(portal.status).toBe(200);
    expect(portal.headers.get('access-control-allow-origin')).toBe('*');
    expect(portal.body.view).toBe('public');
    expect([...portal.body.cells, ...portal.body.margins].some((c: { value: number | null }) => c.value !== null && c.value >= 1 && c.value <= 4)).toBe(false);

    const csv = await ctx.anonymousRequest(`/api/public/datasets/${id}/download?format=csv&by=state,sex&where=period:2024-01&view=internal`);
    expect(csv.status).toBe(200);
    expect(decodeURIComponent(csv.headers.get('content-disposition')!)).toMatch(/Víctimas pequeñas \d{4}-\d{2}-\d{2}\.csv/);
    const text = await csv.text();
    expect(text).toContain('Vista pública');
    expect(text).toContain('Fuente: Fuente de prueba');
    const json = await ctx.anonymousRequest(`/api/public/datasets/${id}/download?format=json&by=state,sex&where=period:2024-01`);
    expect(JSON.parse(await json.text()).cells).toEqual(portal.body.cells);
    const detail = await ctx.anonymous('GET', `/public/datasets/${id}`);
    expect(PublicDatasetViewSchema.parse(detail.body)).toEqual(detail.body);
    expect(listed.body.map((d: unknown) => DatasetSummaryViewSchema.parse(d))).toEqual(listed.body);
    expect(detail.body).not.toHaveProperty('revisions');
    expect(detail.body).toMatchObject({ hasRates: false, disclosureThreshold: 5 });

    const current = (await ctx.api('GET', `/statistics/datasets/${id}`)).body.version;
    expect((await ctx.api('POST', `/statistics/datasets/${id}/unpublish`, { version: current })).status).toBe(204);
    expect((await ctx.anonymous('GET', `/public/datasets/${id}/table`)).status).toBe(404);
  });

  it('refuses a disclosure threshold under 3 (422); only an administrator changes it', async () => {
    const current = (await ctx.api('GET', `/statistics/datasets/${id}`)).body.version;
    const low = await ctx.api('PATCH', `/statistics/datasets/${id}`, { disclosureThreshold: 2, version: current });
    expect(low.status).toBe(422);
    expect(low.body.error.issues[0]).toMatchObject({ path: 'disclosureThreshold' });
    const secretariat = await ctx.signInAs([{ role: 'secretariat', bodyId: await anyBodyId() }]);
    expect((await secretariat('PATCH', `/statistics/datasets/${id}`, { disclosureThreshold: 10, version: current })).status).toBe(403);
    const raised = await ctx.api('PATCH', `/statistics/datasets/${id}`, { disclosureThreshold: 3, description: 'Prueba', version: current });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body).toMatchObject({ disclosureThreshold: 3, description: 'Prueba' });
    const history = await ctx.api('GET', `/history/dataset/${id}`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('Umbral de confidencialidad');
  });
});

describe('imports with errors', () => {
  it('refuses a file with errors under the policy refuse, writing nothing; keep_flagged writes it', async () => {
    const parsed = victims(() => 5);
    parsed.issues = [{ row: 3, column: 'victims', code: 'not_integer', severity: 'error', message: 'Un conteo de personas con decimales.' }];
    const observationsBefore = await countObservations();
    const refused = await statistics().importParsed(parsed, 'errores.csv', fields('Con errores'));
    expect(refused).toMatchObject({ isRefused: true, revision: null, datasetId: null });
    expect(refused.errors).toEqual([parsed.issues[0]]);
    expect(await countObservations()).toBe(observationsBefore);
    expect((await ctx.api('GET', '/statistics/datasets')).body.map((d: { name: string }) => d.name)).not.toContain('Con errores');

    const kept = await statistics().importParsed(parsed, 'errores.csv', fields('Con errores', { policy: 'keep_flagged' }));
    expect(kept).toMatchObject({ isRefused: false, revision: 1, added: 24 });
  });

  it('imports an uploaded CSV, and refuses a file that is not UTF-8 or not a table (422)', async () => {
    const upload = (name: string, content: BlobPart, more: Record<string, string> = {}) => {
      const form = new FormData();
      form.set('file', new File([content], name));
      form.set('name', 'Subido');
      for (const [key, value] of Object.entries(more)) form.set(key, value);
      return ctx.api('POST', '/statistics/datasets/import', form);
    };
    const imported = await upload('subido.csv', 'year,state_iso,sex,victims\n2024,MX-COL,hombre,3\n2024,MX-COL,mujer,8\n2024,MX-AGU,hombre,0\n2024,MX-AGU,mujer,12\n');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ dataset: 'Subido', revision: 1, observations: 4, dimensions: ['period', 'state', 'sex'], added: 4, errors: [] });
    const latin1 = await upload('latin1.csv', new Uint8Array([0x61, 0x0a, 0xf1, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(latin1.body.error.issues).toEqual([{ path: 'file', message: 'latin1.csv no está en UTF-8; guárdelo como CSV UTF-8.' }]);
    expect((await upload('datos.pdf', '%PDF-1.4')).status).toBe(422);
  });

  it('telar import dataset exits with 1 and names each error by row and column, writing nothing; --keep-flagged keeps the values flagged', async () => {
    const file = join(workDir, 'errores.csv');
    writeFileSync(file, 'year,state_iso,sex,victims\n2024,MX-COL,hombre,-3\n2024,MX-COL,mujer,2.5\n2024,MX-AGU,hombre,4\n');
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
    const refused = await importDatasetCommand([file, '--name', 'Errores por línea de comandos', '--json'], ctx.handle);
    const kept = await importDatasetCommand([file, '--name', 'Errores por línea de comandos', '--keep-flagged', '--json'], ctx.handle);
    vi.restoreAllMocks();
    expect(refused).toBe(1);
    const printed = JSON.parse(out[0]!);
    expect(printed).toMatchObject({ dataset: 'Errores por línea de comandos', revision: null, observations: 3, warnings: [] });
    expect(printed.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [2, 'victims', 'negative'],
      [3, 'victims', 'not_integer'],
    ]);
    expect(kept).toBe(0);
    expect(JSON.parse(out[1]!)).toMatchObject({ revision: 1 });
    const id = await statistics().resolveId('Errores por línea de comandos');
    const cells = (await table(id, 'by=state,sex&view=internal')).body.cells;
    expect(cells.find((c: { key: Record<string, string> }) => c.key.state === 'MX-COL' && c.key.sex === 'hombre')).toEqual({ key: { state: 'MX-COL', sex: 'hombre' }, value: -3, flag: 'inconsistent' });
  });

  it('is for the secretariat and administrators: a reader is refused (403)', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    const form = new FormData();
    form.set('file', new File(['a,b\n1,2\n'], 'datos.csv'));
    form.set('name', 'Del lector');
    expect((await reader('POST', '/statistics/datasets/import', form)).status).toBe(403);
  });

  it('refuses a reader before reading the upload: a body that is not even a form gets 403, not a validation error', async () => {
    const reader = await ctx.signInAs([{ role: 'reader' }]);
    expect((await reader('POST', '/statistics/datasets/import', { name: 'sin archivo' })).status).toBe(403);
  });
});

describe('disclosure control fails closed', () => {
  it('suppresses a measure whose header does not say it counts persons («valor»), but not money', async () => {
    const counts = victims((m, s, x) => (m + s + x) % 4);
    counts.measures = [{ code: 'valor', label: 'valor', unit: 'other', scale: 1, isPersonCount: false }];
    counts.observations = counts.observations.map((observation) => ({ ...observation, measure: 'valor' }));
    const imported = await statistics().importParsed(counts, 'valor.csv', fields('Conteos sin unidad'));
    const publicTable = (await table(imported.datasetId!, 'by=state,sex&where=period:2024-01')).body;
    const shown = [...publicTable.cells, ...publicTable.margins].map((cell: { value: number | null }) => cell.value);
    expect(shown.filter((value: number | null) => value !== null && value >= 1 && value <= 4)).toEqual([]);
    expect(publicTable.suppressedCells).toBeGreaterThan(0);

    const pesos = victims((m, s, x) => (m + s + x) % 4);
    pesos.measures = [{ code: 'presupuesto', label: 'Presupuesto', unit: 'mxn', scale: 1, isPersonCount: false }];
    pesos.observations = pesos.observations.map((observation) => ({ ...observation, measure: 'presupuesto' }));
    const budget = await statistics().importParsed(pesos, 'pesos.csv', fields('Pesos de prueba'));
    expect((await table(budget.datasetId!, 'by=state,sex&where=period:2024-01')).body.suppressedCells).toBe(0);
  });
});

async function anyBodyId(): Promise<string> {
  const created = await ctx.api('POST', '/bodies', { kind: 'system', name: 'Sistema de prueba', acronym: `SP${Math.random().toString(36).slice(2, 6).toUpperCase()}`, level: 'national' });
  return created.body.id;
}
