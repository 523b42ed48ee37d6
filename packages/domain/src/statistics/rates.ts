/** Rates per 100,000 children from a cross-tab of counts. */
import { RATE_BASE, type CrossTab, type TableCell } from './model.js';

/**
 * Each cell and margin divided by its population, times `base`, rounded to 2 decimals. Give it a
 * table already protected: the counts were checked for disclosure, the rates are not checked again.
 * A suppressed count stays suppressed (no rate would hide it); a missing or non-positive population
 * makes the rate `not_available`; any other flag is kept.
 */
export function toRates(table: CrossTab, denominator: (key: Record<string, string>) => number | null, base: number = RATE_BASE): CrossTab {
  const rateOf = (entry: TableCell): TableCell => {
    if (entry.flag === 'suppressed') return { key: entry.key, value: null, flag: 'suppressed' };
    const population = denominator(entry.key);
    if (population === null || !Number.isFinite(population) || population <= 0) return { key: entry.key, value: null, flag: 'not_available' };
    if (entry.value === null) return { key: entry.key, value: null, flag: entry.flag };
    return { key: entry.key, value: Math.round(((entry.value * base) / population) * 100) / 100, flag: entry.flag };
  };
  return { dimensions: [...table.dimensions], cells: table.cells.map(rateOf), margins: table.margins.map(rateOf) };
}
