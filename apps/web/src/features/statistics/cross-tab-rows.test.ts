import { FLAG_PRECEDENCE, OBSERVATION_FLAGS, type CrossTabView } from '@telar/domain';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildStatRows, canShowRate, chooseDefaultBy, collectFlags, formatStatCell, groupFilterCodes, LEGEND_FLAG_ORDER, listByChoices, rankRows, type DatasetDimension } from './cross-tab-rows';
import { FlagLegend, StatTable } from './stat-table.component';

const dimensions: DatasetDimension[] = [
  { code: 'period', label: 'Periodo', kind: 'period', levels: ['year'], codes: [{ code: '2024-01', label: 'enero de 2024' }] },
  {
    code: 'state',
    label: 'Entidad',
    kind: 'state',
    levels: [],
    codes: [
      { code: 'MX-AGU', label: 'Aguascalientes' },
      { code: 'MX-COL', label: 'Colima' },
      { code: 'MX-ZAC', label: 'Zacatecas' },
    ],
  },
  { code: 'sex', label: 'Sexo', kind: 'sex', levels: [], codes: [{ code: 'mujer', label: 'Mujer' }] },
];

function crossTab(overrides: Partial<CrossTabView>): CrossTabView {
  return {
    dataset: { id: '00000000-0000-4000-8000-000000000001', name: 'Víctimas' },
    revision: 1,
    measure: 'victims',
    kind: 'count',
    view: 'public',
    disclosureThreshold: 5,
    dimensions: ['state'],
    where: {},
    labels: { state: { 'MX-AGU': 'Aguascalientes', 'MX-COL': 'Colima', 'MX-ZAC': 'Zacatecas' } },
    cells: [],
    margins: [],
    suppressedCells: 0,
    ...overrides,
  };
}

describe('«Ver por» choices', () => {
  it('offers every dimension, then the levels they roll up to, each with the chart that fits', () => {
    const choices = listByChoices(dimensions);
    expect(choices.map((choice) => [choice.value, choice.chart])).toEqual([
      ['period', 'series'],
      ['state', 'map'],
      ['sex', 'bars'],
      ['year', 'series'],
    ]);
    expect(choices.find((choice) => choice.value === 'year')?.label).toBe('Año');
    expect(chooseDefaultBy(choices)?.value).toBe('state');
  });

  it('groups a period’s filter by years, quarters and months, and leaves other dimensions as one list', () => {
    const period: DatasetDimension = {
      ...dimensions[0]!,
      codes: [
        { code: '2024-01', label: 'enero de 2024' },
        { code: '2024', label: '2024' },
        { code: '2024-Q1', label: 'Primer trimestre de 2024' },
        { code: '2024-02', label: 'febrero de 2024' },
      ],
    };
    expect(groupFilterCodes(period).map((group) => [group.label, group.codes.map((entry) => entry.code)])).toEqual([
      ['Años', ['2024']],
      ['Trimestres', ['2024-Q1']],
      ['Meses', ['2024-01', '2024-02']],
    ]);
    expect(groupFilterCodes({ ...period, codes: period.codes.slice(0, 1) })).toEqual([{ label: null, codes: [{ code: '2024-01', label: 'enero de 2024' }] }]);
    expect(groupFilterCodes(dimensions[1]!)).toEqual([{ label: null, codes: dimensions[1]!.codes }]);
  });

  it('offers a rate only for a count of persons with a population', () => {
    const persons = { code: 'victims', label: 'Víctimas', unit: 'persons' as const, scale: 1, isPersonCount: true };
    expect(canShowRate(persons, true)).toBe(true);
    expect(canShowRate(persons, false)).toBe(false);
    expect(canShowRate({ ...persons, unit: 'mxn', isPersonCount: false }, true)).toBe(false);
  });
});

describe('table rows from a cross-tab', () => {
  const view = crossTab({
    cells: [
      { key: { state: 'MX-ZAC' }, value: 12, flag: null },
      { key: { state: 'MX-AGU' }, value: null, flag: 'suppressed' },
      { key: { state: 'MX-COL' }, value: 30, flag: 'unreliable' },
    ],
    margins: [
      { key: { state: 'MX-ZAC' }, value: 12, flag: null },
      { key: {}, value: 45, flag: null },
    ],
    suppressedCells: 1,
  });
  const stateChoice = listByChoices(dimensions).find((choice) => choice.value === 'state')!;

  it('keeps the dimension’s order and takes the grand total from the margin with an empty key', () => {
    const { rows, total } = buildStatRows(view, stateChoice);
    expect(rows.map((row) => row.label)).toEqual(['Aguascalientes', 'Colima', 'Zacatecas']);
    expect(total).toMatchObject({ label: 'Total', value: 45 });
  });

  it('sorts periods oldest first', () => {
    const series = crossTab({
      dimensions: ['year'],
      labels: { year: { '2024': '2024', '2015': '2015' } },
      cells: [
        { key: { year: '2024' }, value: 3, flag: null },
        { key: { year: '2015' }, value: 9, flag: null },
      ],
    });
    expect(buildStatRows(series, { value: 'year', chart: 'series', codeOrder: [] }).rows.map((row) => row.code)).toEqual(['2015', '2024']);
  });

  it('leaves suppressed and unreliable states out of the ranking', () => {
    expect(rankRows(buildStatRows(view, stateChoice).rows).map((row) => row.code)).toEqual(['MX-ZAC']);
  });

  it('writes «Confidencial» for a suppressed cell even when a number came with it, and rates with two decimals', () => {
    expect(formatStatCell({ value: 3, flag: 'suppressed' }, 'count')).toBe('Confidencial');
    expect(formatStatCell({ value: null, flag: 'not_available' }, 'count')).toBe('n.d.');
    expect(formatStatCell({ value: 2.5, flag: null }, 'rate')).toBe('2.50');
    expect(formatStatCell({ value: 108864, flag: null }, 'count')).toBe('108,864');
  });

  it('renders a suppressed cell as «Confidencial» and never its number', () => {
    const leaked = crossTab({ cells: [{ key: { state: 'MX-AGU' }, value: 3, flag: 'suppressed' }] });
    const { rows, total } = buildStatRows(leaked, stateChoice);
    const html = renderToStaticMarkup(createElement(StatTable, { rows, total, caption: 'Víctimas por entidad', rowHeader: 'Entidad', valueHeader: 'Víctimas', kind: 'count' }));
    expect(html).toContain('Confidencial');
    expect(html).not.toMatch(/>\s*3\s*</);
    expect(html).toContain('<caption>Víctimas por entidad</caption>');
    expect(html).toContain('scope="row"');
  });

  it('orders the legend as the domain ranks flags, and names every flag', () => {
    expect(LEGEND_FLAG_ORDER).toEqual(FLAG_PRECEDENCE);
    expect(new Set(LEGEND_FLAG_ORDER)).toEqual(new Set(OBSERVATION_FLAGS));
  });

  it('marks a number whose sum has a blank part, and says «n.d.» alone when there is no number', () => {
    const partial = crossTab({
      cells: [
        { key: { state: 'MX-AGU' }, value: 7, flag: 'not_available' },
        { key: { state: 'MX-COL' }, value: null, flag: 'not_available' },
      ],
    });
    const { rows } = buildStatRows(partial, stateChoice);
    const html = renderToStaticMarkup(createElement(StatTable, { rows, total: null, caption: 'c', rowHeader: 'Entidad', valueHeader: 'Víctimas', kind: 'count' }));
    expect(html).toMatch(/Aguascalientes<\/th><td class="numeric">7<sup class="stat-flag"><span aria-hidden="true">n\.d\.<\/span>/);
    expect(html).toMatch(/Colima<\/th><td class="numeric">n\.d\.<\/td>/);
  });

  it('lists in the legend only the flags present, most telling first, with their Spanish names', () => {
    const flags = collectFlags(buildStatRows(view, stateChoice).rows);
    expect(flags).toEqual(['suppressed', 'unreliable']);
    const html = renderToStaticMarkup(createElement(FlagLegend, { flags }));
    expect(html).toContain('confidencial');
    expect(html).toContain('poco confiable');
    expect(html).not.toContain('preliminar');
    expect(renderToStaticMarkup(createElement(FlagLegend, { flags: [] }))).toBe('');
  });
});
