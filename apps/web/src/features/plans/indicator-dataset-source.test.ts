import { describe, expect, it } from 'vitest';
import { filterCode, firstErrorMessage, withFilter } from './indicator-dataset-source.component';

describe('dataset source filters', () => {
  it('reads the code picked for a dimension, and none when it is not filtered', () => {
    const where = ['crime_subtype:Homicidio doloso', 'age_group:0-17'];
    expect(filterCode(where, 'crime_subtype')).toBe('Homicidio doloso');
    expect(filterCode(where, 'crime')).toBe('');
  });

  it('replaces a dimension’s filter, and removes it for «Todos»', () => {
    const where = ['crime_subtype:Lesiones', 'age_group:0-17'];
    expect(withFilter(where, 'crime_subtype', 'Homicidio doloso')).toEqual(['age_group:0-17', 'crime_subtype:Homicidio doloso']);
    expect(withFilter(where, 'crime_subtype', '')).toEqual(['age_group:0-17']);
  });

  it('shows the first message of a nested server issue on the section', () => {
    expect(firstErrorMessage({ where: [{ type: 'server', message: '«Secuestro» no es una clave' }] })).toBe('«Secuestro» no es una clave');
    expect(firstErrorMessage({ kind: { message: 'Sin tasas' } })).toBe('Sin tasas');
    expect(firstErrorMessage(undefined)).toBeUndefined();
  });
});
