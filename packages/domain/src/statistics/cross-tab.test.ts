import { describe, expect, it } from 'vitest';
import { buildCrossTab, crossTabKeyId } from './cross-tab.js';
import type { TableCell } from './model.js';

const cell = (key: Record<string, string>, value: number | null, flag: TableCell['flag'] = null): TableCell => ({ key, value, flag });

describe('buildCrossTab', () => {
  it('adds a margin per code of each dimension and the grand total in a 2-D table', () => {
    const table = buildCrossTab(
      ['state', 'sex'],
      [
        cell({ state: 'MX-AGU', sex: 'mujer' }, 3),
        cell({ state: 'MX-AGU', sex: 'hombre' }, 7, 'provisional'),
        cell({ state: 'MX-COL', sex: 'mujer' }, 10),
        cell({ state: 'MX-COL', sex: 'hombre' }, 0),
      ],
    );
    expect(table.cells).toHaveLength(4);
    expect(table.margins).toEqual([
      cell({ state: 'MX-AGU' }, 10, 'provisional'),
      cell({ state: 'MX-COL' }, 10),
      cell({ sex: 'mujer' }, 13),
      cell({ sex: 'hombre' }, 7, 'provisional'),
      cell({}, 20, 'provisional'),
    ]);
  });

  it('sums only the known parts and shows the weightiest flag, never suppressed', () => {
    const table = buildCrossTab(
      ['state', 'sex'],
      [
        cell({ state: 'MX-AGU', sex: 'mujer' }, null, 'not_available'),
        cell({ state: 'MX-AGU', sex: 'hombre' }, 4, 'estimated'),
        cell({ state: 'MX-COL', sex: 'mujer' }, null, 'suppressed'),
        cell({ state: 'MX-COL', sex: 'hombre' }, 6, 'inconsistent'),
      ],
    );
    const margin = (key: Record<string, string>) => table.margins.find((m) => crossTabKeyId(m.key) === crossTabKeyId(key));
    expect(margin({ state: 'MX-AGU' })).toEqual(cell({ state: 'MX-AGU' }, 4, 'not_available'));
    expect(margin({ state: 'MX-COL' })).toEqual(cell({ state: 'MX-COL' }, 6, 'inconsistent'));
    expect(margin({ sex: 'mujer' })).toEqual(cell({ sex: 'mujer' }, null, 'not_available'));
    expect(margin({})).toEqual(cell({}, 10, 'not_available'));
  });

  it('has only the grand total as margin with one dimension', () => {
    const table = buildCrossTab(['state'], [cell({ state: 'MX-AGU' }, 2), cell({ state: 'MX-COL' }, 5, 'break')]);
    expect(table.cells).toHaveLength(2);
    expect(table.margins).toEqual([cell({}, 7, 'break')]);
  });

  it('is the single grand-total cell with no dimension', () => {
    expect(buildCrossTab([], [cell({}, 968)])).toEqual({ dimensions: [], cells: [cell({}, 968)], margins: [] });
    expect(buildCrossTab([], [])).toEqual({ dimensions: [], cells: [cell({}, null, 'not_available')], margins: [] });
  });

  it('keeps margins by each single dimension in a 3-D table', () => {
    const cells = ['a', 'b'].flatMap((x) => ['p', 'q'].flatMap((y) => ['u', 'v', 'w'].map((z) => cell({ x, y, z }, 1))));
    const table = buildCrossTab(['x', 'y', 'z'], cells);
    expect(table.margins.map((m) => [crossTabKeyId(m.key), m.value])).toEqual([
      [crossTabKeyId({ x: 'a' }), 6],
      [crossTabKeyId({ x: 'b' }), 6],
      [crossTabKeyId({ y: 'p' }), 6],
      [crossTabKeyId({ y: 'q' }), 6],
      [crossTabKeyId({ z: 'u' }), 4],
      [crossTabKeyId({ z: 'v' }), 4],
      [crossTabKeyId({ z: 'w' }), 4],
      [crossTabKeyId({}), 12],
    ]);
  });

  it('refuses a cell without a code of every dimension', () => {
    expect(() => buildCrossTab(['state', 'sex'], [cell({ state: 'MX-AGU' }, 1)])).toThrow(/lacks a code/);
  });

  it('matches keys whatever their field order', () => {
    expect(crossTabKeyId({ a: '1', b: '2' })).toBe(crossTabKeyId({ b: '2', a: '1' }));
    expect(crossTabKeyId({ a: '1|b=2' })).not.toBe(crossTabKeyId({ a: '1', b: '2' }));
  });
});
