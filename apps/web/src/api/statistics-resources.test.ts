import { describe, expect, it } from 'vitest';
import { buildDatasetDownloadUrl, toCrossTabParams, type CrossTabRequest } from './statistics-resources';

const request: CrossTabRequest = {
  by: ['state', 'year'],
  where: { crime_type: ['Secuestro'], sex: ['mujer', 'hombre'], age_group: [] },
  measure: 'victims',
  kind: 'rate',
  view: 'internal',
  revision: 3,
};

describe('cross-tab query string', () => {
  it('repeats `where` per code, joins `by` and keeps view and revision on the internal API', () => {
    const url = buildDatasetDownloadUrl('/statistics/datasets', 'abc', 'csv', request);
    const search = new URL(url, 'http://localhost').searchParams;
    expect(url.startsWith('/api/statistics/datasets/abc/download?')).toBe(true);
    expect(search.get('by')).toBe('state,year');
    expect(search.getAll('where')).toEqual(['crime_type:Secuestro', 'sex:mujer', 'sex:hombre']);
    expect(search.get('kind')).toBe('rate');
    expect(search.get('view')).toBe('internal');
    expect(search.get('revision')).toBe('3');
    expect(search.get('format')).toBe('csv');
  });

  it('never asks the portal for the internal view or an earlier revision', () => {
    const params = toCrossTabParams('/public/datasets', request);
    expect(params.view).toBeUndefined();
    expect(params.revision).toBeUndefined();
    const search = new URL(buildDatasetDownloadUrl('/public/datasets', 'abc', 'sdmx', request), 'http://localhost').searchParams;
    expect(search.has('view')).toBe(false);
    expect(search.get('format')).toBe('sdmx');
  });
});
