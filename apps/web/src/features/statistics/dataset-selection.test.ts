import { describe, expect, it } from 'vitest';
import type { DatasetDimension, DatasetMeasure } from './cross-tab-rows';
import { readDatasetSearch } from '../../routes/search-params';
import { readSelection, toFilterSearch } from './dataset-selection';

const dimensions: DatasetDimension[] = [
  { code: 'period', label: 'Periodo', kind: 'period', levels: ['year'], codes: [{ code: '2024', label: '2024' }, { code: '2024-01', label: 'enero de 2024' }] },
  { code: 'state', label: 'Entidad', kind: 'state', levels: [], codes: [{ code: 'MX-COL', label: 'Colima' }] },
  { code: 'crime_type', label: 'Delito', kind: 'category', levels: [], codes: [{ code: 'Secuestro', label: 'Secuestro' }, { code: 'Robo: con violencia', label: 'Robo: con violencia' }] },
];
const measures: DatasetMeasure[] = [
  { code: 'victims', label: 'Víctimas', unit: 'persons', scale: 1, isPersonCount: true },
  { code: 'amount', label: 'Monto', unit: 'mxn', scale: 1, isPersonCount: false },
];
const context = { dimensions, measures, hasPopulation: true, canViewInternal: false };

describe('a dataset view read from its address', () => {
  it('starts on the map, counting the first measure, in the public view, unfiltered', () => {
    const selection = readSelection({}, context);
    expect(selection).toMatchObject({ kind: 'count', view: 'public', where: {} });
    expect(selection.by?.value).toBe('state');
    expect(selection.measure?.code).toBe('victims');
  });

  it('keeps only filters on dimensions and codes the dataset has, splitting at the first colon', () => {
    const selection = readSelection({ filtro: ['crime_type:Robo: con violencia', 'crime_type:Secuestro', 'crime_type:Secuestro', 'sex:mujer', 'period:1999', 'nonsense'] }, context);
    expect(selection.where).toEqual({ crime_type: ['Robo: con violencia', 'Secuestro'] });
    expect(toFilterSearch(selection.where)).toEqual(['crime_type:Robo: con violencia', 'crime_type:Secuestro']);
    expect(toFilterSearch({ crime_type: [] })).toBeUndefined();
  });

  it('gives a rate only where one exists, and the internal view only to whom may see it', () => {
    expect(readSelection({ cifra: 'rate' }, context).kind).toBe('rate');
    expect(readSelection({ cifra: 'rate', medida: 'amount' }, context).kind).toBe('count');
    expect(readSelection({ cifra: 'rate' }, { ...context, hasPopulation: false }).kind).toBe('count');
    expect(readSelection({ vista: 'internal' }, context).view).toBe('public');
    expect(readSelection({ vista: 'internal' }, { ...context, canViewInternal: true }).view).toBe('internal');
  });

  it('takes «Ver por» from the address when the dataset offers it', () => {
    expect(readSelection({ por: 'year' }, context).by?.chart).toBe('series');
    expect(readSelection({ por: 'municipality' }, context).by?.value).toBe('state');
  });

  it('reads the address as the router parses it: one filter or several, revision from 1', () => {
    expect(readDatasetSearch({ filtro: 'sex:mujer', revision: '1', cifra: ' ' })).toEqual({ filtro: ['sex:mujer'], revision: 1 });
    expect(readDatasetSearch({ filtro: ['sex:mujer', 7, ''], revision: 0 })).toEqual({ filtro: ['sex:mujer', '7'] });
  });
});
