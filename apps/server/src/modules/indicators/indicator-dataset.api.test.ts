import { IndicatorDetailViewSchema, type Observation, type ParsedDataset } from '@telar/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor.js';
import { createServices } from '../../services.js';
import { createTestContext, type TestContext } from '../../test/test-context.js';

let ctx: TestContext;
let planNodeId: string;
let planId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const bodyId = (await ctx.api('POST', '/bodies', { kind: 'commission', name: 'Comisión de prueba', acronym: 'CP', level: 'national' })).body.id;
  planId = (await ctx.api('POST', '/plans', { name: 'Plan de prueba', shortName: 'Plan', bodyId, periodFrom: '2023-01-01', periodTo: '2024-12-31' })).body.id;
  planNodeId = (await ctx.api('POST', '/plan-nodes', { planId, parentId: null, kind: 'axis', code: '1', title: 'Eje 1' })).body.id;
});
afterAll(() => ctx.close());

const STATES = ['MX-COL', 'MX-AGU', 'MX-JAL'];
const SUBTYPES = ['Homicidio doloso', 'Lesiones'];

/** Victims by year × state × crime subtype; `homicides` gives the homicide counts by year and state. */
function victims(homicides: Record<string, Record<string, number>>): ParsedDataset {
  const observations: Observation[] = ['2023', '2024'].flatMap((year) =>
    STATES.flatMap((state) =>
      SUBTYPES.map((subtype) => ({
        key: { period: year, state, crime_subtype: subtype },
        measure: 'victims',
        value: subtype === 'Lesiones' ? 500 : homicides[year]![state]!,
        flags: [],
        comment: null,
      })),
    ),
  );
  return {
    metadata: { publisher: 'Fuente de prueba', provenance: 'Datos inventados para la prueba.' },
    dimensions: [
      { code: 'period', label: 'Periodo', kind: 'period', codes: ['2023', '2024'].map((code) => ({ code, label: code })) },
      { code: 'state', label: 'Entidad', kind: 'state', codes: STATES.map((code) => ({ code, label: code })) },
      { code: 'crime_subtype', label: 'Subtipo de delito', kind: 'category', codes: SUBTYPES.map((code) => ({ code, label: code })) },
    ],
    measures: [{ code: 'victims', label: 'Víctimas', unit: 'persons', scale: 1, isPersonCount: true }],
    observations,
    issues: [],
  };
}

const importVictims = (homicides: Record<string, Record<string, number>>) =>
  createServices(ctx.handle.db, systemActor('test')).statistics.importParsed(victims(homicides), 'victimas.csv', {
    name: 'Víctimas de homicidio de prueba',
    policy: 'refuse',
    dryRun: false,
  });

type Value = { period: string; stateCode: string | null; value: number | null; flag: string | null };
const valueAt = (values: Value[], period: string, stateCode: string | null) => values.find((v) => v.period === period && v.stateCode === stateCode);

describe('an indicator that takes its values from a dataset', () => {
  let datasetId: string;
  let indicatorId: string;
  const create = (dataSource: object) =>
    ctx.api('POST', '/indicators', { planNodeId, name: 'Víctimas de homicidio doloso de 0 a 17 años', unit: 'víctimas', baseline: 0, target: 1000, dataSource });

  it('refuses a source that does not resolve: an unknown filter named, a rate without population, an unpublished dataset', async () => {
    const first = await importVictims({ '2023': { 'MX-COL': 40, 'MX-AGU': 30, 'MX-JAL': 120 }, '2024': { 'MX-COL': 2, 'MX-AGU': 35, 'MX-JAL': 130 } });
    datasetId = first.datasetId!;
    const unpublished = await create({ datasetId, where: ['crime_subtype:Homicidio doloso'] });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error.issues[0].path).toBe('dataSource.datasetId');

    const { version } = (await ctx.api('GET', `/statistics/datasets/${datasetId}`)).body;
    expect((await ctx.api('POST', `/statistics/datasets/${datasetId}/publish`, { version })).status).toBe(204);
    const unknown = await create({ datasetId, where: ['crime_subtype:Secuestro'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0].path).toBe('dataSource.where.0');
    expect(unknown.body.error.issues[0].message).toContain('Secuestro');
    const rate = await create({ datasetId, kind: 'rate', where: [] });
    expect(rate.status).toBe(422);
    expect(rate.body.error.issues[0].path).toBe('dataSource.kind');
  });

  it('shows the public view by state and year with the year totals as national values; a small count is suppressed', async () => {
    const created = await create({ datasetId, where: ['crime_subtype:Homicidio doloso'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(IndicatorDetailViewSchema.parse(created.body)).toEqual(created.body);
    indicatorId = created.body.id;
    expect(created.body.dataSource).toEqual({
      dataset: { id: datasetId, name: 'Víctimas de homicidio de prueba' },
      revision: 1,
      measure: 'victims',
      kind: 'count',
      where: ['crime_subtype:Homicidio doloso'],
    });
    const values: Value[] = created.body.values;
    expect(valueAt(values, '2023', 'MX-JAL')).toMatchObject({ value: 120, flag: null, source: 'Víctimas de homicidio de prueba, revisión 1' });
    expect(valueAt(values, '2023', null)).toMatchObject({ value: 190 });
    expect(valueAt(values, '2024', 'MX-COL')).toMatchObject({ value: null, flag: 'suppressed' });
    // Lesiones are filtered out: no value carries them.
    expect(values.every((v) => v.value === null || v.value < 500)).toBe(true);
    expect(created.body.latest?.period).toBe('2024');
  });

  it('refuses values written by hand', async () => {
    const written = await ctx.api('PUT', `/indicators/${indicatorId}/values`, { values: [{ period: '2024', value: 7 }] });
    expect(written.status).toBe(409);
    expect(written.body.error.code).toBe('indicator_from_dataset');
  });

  it('follows a new revision of the dataset, on its page and in its plan', async () => {
    const second = await importVictims({ '2023': { 'MX-COL': 40, 'MX-AGU': 30, 'MX-JAL': 150 }, '2024': { 'MX-COL': 2, 'MX-AGU': 35, 'MX-JAL': 130 } });
    expect(second.revision).toBe(2);
    const { body } = await ctx.api('GET', `/indicators/${indicatorId}`);
    expect(body.dataSource.revision).toBe(2);
    expect(valueAt(body.values, '2023', 'MX-JAL')).toMatchObject({ value: 150, source: 'Víctimas de homicidio de prueba, revisión 2' });
    expect(valueAt(body.values, '2023', null)).toMatchObject({ value: 220 });

    const plan = await ctx.api('GET', `/plans/${planId}`);
    const summary = plan.body.nodes[0].indicators.find((i: { id: string }) => i.id === indicatorId);
    expect(summary.latest).toEqual(body.latest);
    expect(summary.progress).not.toBeNull();
    expect(summary.progress).toBe(body.progress);
  });
});
