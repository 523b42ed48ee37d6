import { markupToRichText, type CrossTabView } from '@telar/domain';
import { describe, expect, it } from 'vitest';
import { listByChoices, type DatasetDimension } from '../statistics/cross-tab-rows';
import { appendBlockMarkup, crossTabToTableBlock, readDataTableQuery, type DataTableChoices, type EmbeddableDataset } from './data-table-block';

const dimensions: DatasetDimension[] = [
  { code: 'period', label: 'Periodo', kind: 'period', levels: ['year'], codes: [{ code: '2024', label: '2024' }] },
  { code: 'state', label: 'Entidad', kind: 'state', levels: [], codes: [{ code: 'MX-COL', label: 'Colima' }, { code: 'MX-AGU', label: 'Aguascalientes' }] },
  { code: 'sex', label: 'Sexo | registrado', kind: 'sex', levels: [], codes: [{ code: 'mujer', label: 'Mujer' }, { code: 'hombre', label: 'Hombre' }] },
];
const dataset: EmbeddableDataset = {
  name: 'Víctimas de secuestro',
  publisher: 'SESNSP',
  dimensions,
  measures: [{ code: 'victims', label: 'Víctimas', unit: 'persons', scale: 1, isPersonCount: true }],
  population: { id: '00000000-0000-4000-8000-000000000002', name: 'Población' },
};
const choices = listByChoices(dimensions);
const choice = (value: string) => choices.find((entry) => entry.value === value)!;
/** 03:00 UTC on 2 December is still 1 December in Mexico City. */
const consultedAt = new Date('2026-12-02T03:00:00Z');

function crossTab(overrides: Partial<CrossTabView>): CrossTabView {
  return {
    dataset: { id: '00000000-0000-4000-8000-000000000001', name: 'Víctimas de secuestro' },
    revision: 3,
    measure: 'victims',
    kind: 'count',
    view: 'public',
    disclosureThreshold: 5,
    dimensions: ['state'],
    where: {},
    labels: { state: { 'MX-AGU': 'Aguascalientes', 'MX-COL': 'Colima' }, sex: { mujer: 'Mujer', hombre: 'Hombre' } },
    cells: [],
    margins: [],
    suppressedCells: 0,
    ...overrides,
  };
}

describe('a cross-tab written into an answer', () => {
  it('heads the table with the dimension and the measure, writes cells as the explorer does, and adds the total', () => {
    const view = crossTab({
      cells: [
        { key: { state: 'MX-AGU' }, value: 1234, flag: 'provisional' },
        // A suppressed cell that (wrongly) came with its number must still not carry it.
        { key: { state: 'MX-COL' }, value: 3, flag: 'suppressed' },
      ],
      margins: [
        { key: { state: 'MX-AGU' }, value: 1234, flag: null },
        { key: {}, value: 1237, flag: null },
      ],
      suppressedCells: 1,
    });
    const block = crossTabToTableBlock(view, { dataset, by: [choice('state')], measureLabel: 'Víctimas', consultedAt });
    expect(block.header).toEqual(['Entidad', 'Víctimas']);
    expect(block.rows).toEqual([
      ['Colima', 'Confidencial'],
      ['Aguascalientes', '1,234 (preliminar)'],
      ['Total', '1,237'],
    ]);
    expect(block.rows[0]!.join(' ')).not.toMatch(/3/);
    expect(block.caption).toBe('Fuente: Víctimas de secuestro (SESNSP), revisión 3, consultado el 1 de diciembre de 2026; cifras de 1 a 4 suprimidas');
  });

  it('crosses two dimensions in their order, leaves the total’s second label blank and names a rate', () => {
    const view = crossTab({
      kind: 'rate',
      dimensions: ['state', 'sex'],
      cells: [
        { key: { state: 'MX-AGU', sex: 'mujer' }, value: 2.5, flag: null },
        { key: { state: 'MX-COL', sex: 'hombre' }, value: null, flag: 'not_available' },
        { key: { state: 'MX-COL', sex: 'mujer' }, value: 10, flag: null },
      ],
      margins: [{ key: {}, value: 4.125, flag: 'suppressed' }],
    });
    const block = crossTabToTableBlock(view, { dataset: { ...dataset, publisher: null }, by: [choice('state'), choice('sex')], measureLabel: 'Víctimas', consultedAt });
    expect(block.header).toEqual(['Entidad', 'Sexo | registrado', 'Víctimas por cada 100 mil niñas, niños y adolescentes']);
    expect(block.rows).toEqual([
      ['Colima', 'Mujer', '10.00'],
      ['Colima', 'Hombre', 'n.d.'],
      ['Aguascalientes', 'Mujer', '2.50'],
      ['Total', '', 'Confidencial'],
    ]);
    expect(block.caption).toBe('Fuente: Víctimas de secuestro, revisión 3, consultado el 1 de diciembre de 2026; cifras de 1 a 4 suprimidas');
  });

  it('goes into the markup as a typed table would, after the text, and reads back as the same block', () => {
    const view = crossTab({ cells: [{ key: { state: 'MX-COL', sex: 'mujer' }, value: 7, flag: null }], margins: [{ key: {}, value: 7, flag: null }] });
    const block = crossTabToTableBlock(view, { dataset, by: [choice('state'), choice('sex')], measureLabel: 'Víctimas', consultedAt });
    const markup = appendBlockMarkup('Según las cifras:\n', block);
    expect(markup).toBe(
      [
        'Según las cifras:',
        '',
        'Fuente: Víctimas de secuestro (SESNSP), revisión 3, consultado el 1 de diciembre de 2026; cifras de 1 a 4 suprimidas',
        '| Entidad | Sexo \\| registrado | Víctimas |',
        '| Colima | Mujer | 7 |',
        '| Total |  | 7 |',
        '',
      ].join('\n'),
    );
    const reading = markupToRichText(markup);
    expect(reading).toEqual({ value: { blocks: [{ type: 'paragraph', content: [{ text: 'Según las cifras:' }] }, block], footnotes: [] } });
    expect(appendBlockMarkup('', block).startsWith('Fuente:')).toBe(true);
  });
});

describe('the query a data table asks', () => {
  it('is always the public view, whatever else it is given', () => {
    const askingInternal: DataTableChoices & { vista: string } = { vista: 'internal' };
    expect(readDataTableQuery(askingInternal, dataset).request.view).toBe('public');
  });

  it('asks by one or two distinct dimensions the dataset offers, with its filters and a rate only where one exists', () => {
    expect(readDataTableQuery({ por: 'period', por2: 'sex', cifra: 'rate', filtro: ['state:MX-COL', 'state:XX'] }, dataset).request).toEqual({
      by: ['period', 'sex'],
      where: { state: ['MX-COL'] },
      measure: 'victims',
      kind: 'rate',
      view: 'public',
    });
    expect(readDataTableQuery({ por: 'sex', por2: 'sex' }, dataset).request.by).toEqual(['sex']);
    expect(readDataTableQuery({ por: 'sex', por2: 'nonsense' }, dataset).request.by).toEqual(['sex']);
    expect(readDataTableQuery({ cifra: 'rate' }, { ...dataset, population: null }).request.kind).toBe('count');
  });
});
