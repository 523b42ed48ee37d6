import { describe, expect, it } from 'vitest';
import { buildCrossTab } from './cross-tab.js';
import { protectCrossTab } from './disclosure.js';
import type { TableCell } from './model.js';
import { toRates } from './rates.js';

const cell = (key: Record<string, string>, value: number | null, flag: TableCell['flag'] = null): TableCell => ({ key, value, flag });

describe('toRates', () => {
  it('gives the national rate of child victims of intentional homicide per 100,000', () => {
    const rates = toRates(buildCrossTab([], [cell({}, 968)]), () => 38_000_000);
    // 968 / 38,000,000 × 100,000 = 2.5473…
    expect(rates.cells).toEqual([cell({}, 2.55)]);
  });

  it('divides each cell and margin by its own population and keeps flags', () => {
    const population: Record<string, number> = { 'MX-AGU': 400_000, 'MX-COL': 200_000, '': 600_000 };
    const table = buildCrossTab(['state'], [cell({ state: 'MX-AGU' }, 10, 'provisional'), cell({ state: 'MX-COL' }, 7)]);
    const rates = toRates(table, (key) => population[key.state ?? ''] ?? null);
    expect(rates).toEqual({
      dimensions: ['state'],
      cells: [cell({ state: 'MX-AGU' }, 2.5, 'provisional'), cell({ state: 'MX-COL' }, 3.5)],
      margins: [cell({}, 2.83, 'provisional')],
    });
  });

  it('keeps a suppressed count suppressed and makes a rate without population not available', () => {
    const table = protectCrossTab(buildCrossTab(['sex'], [cell({ sex: 'mujer' }, 3), cell({ sex: 'hombre' }, 12), cell({ sex: 'x' }, 20)]), 5);
    const populations: Record<string, number | null> = { mujer: 1000, hombre: 0, x: null };
    const rates = toRates(table, (key) => (key.sex === undefined ? 2000 : (populations[key.sex] ?? null)), 1000);
    expect(rates.cells).toEqual([cell({ sex: 'mujer' }, null, 'suppressed'), cell({ sex: 'hombre' }, null, 'suppressed'), cell({ sex: 'x' }, null, 'not_available')]);
    expect(rates.margins).toEqual([cell({}, 17.5)]);
  });

  it('keeps a count that is not available as not available', () => {
    expect(toRates(buildCrossTab([], []), () => 100).cells).toEqual([cell({}, null, 'not_available')]);
  });
});
