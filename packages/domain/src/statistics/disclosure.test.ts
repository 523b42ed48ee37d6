import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../csv/parse-csv.js';
import { buildCrossTab, crossTabKeyId } from './cross-tab.js';
import { disclosureRisks, protectCrossTab } from './disclosure.js';
import { type CrossTab, DEFAULT_DISCLOSURE_THRESHOLD, type TableCell } from './model.js';

const cell = (key: Record<string, string>, value: number | null, flag: TableCell['flag'] = null): TableCell => ({ key, value, flag });

/** A 2-D table from rows of values: dimension `row` (r1, r2…) by `col` (A, B…). */
const grid = (rows: number[][]): CrossTab =>
  buildCrossTab(
    ['row', 'col'],
    rows.flatMap((values, r) => values.map((value, c) => cell({ row: `r${r + 1}`, col: String.fromCharCode(65 + c) }, value))),
  );

const suppressedKeys = (table: CrossTab) => [...table.cells, ...table.margins].filter((entry) => entry.flag === 'suppressed').map((entry) => entry.key);

/** Every entry of `after` is either suppressed with no number or exactly as in `before`. */
function expectOnlySuppressionChanged(before: CrossTab, after: CrossTab) {
  expect(after.dimensions).toEqual(before.dimensions);
  const original = new Map([...before.cells, ...before.margins].map((entry) => [crossTabKeyId(entry.key), entry]));
  expect(after.cells).toHaveLength(before.cells.length);
  expect(after.margins).toHaveLength(before.margins.length);
  for (const entry of [...after.cells, ...after.margins]) {
    if (entry.flag === 'suppressed') expect(entry.value).toBeNull();
    else expect(entry).toEqual(original.get(crossTabKeyId(entry.key)));
  }
}

describe('protectCrossTab', () => {
  it('protects the textbook 2-D table: one small cell, then a cycle of four', () => {
    const table = grid([
      [3, 10, 12],
      [8, 9, 20],
      [6, 14, 15],
    ]);
    expect(disclosureRisks(table, 5)).toEqual([expect.stringContaining('{row=r1, col=A} shows 3')]);
    const protectedTable = protectCrossTab(table, 5);
    expect(suppressedKeys(protectedTable)).toEqual([
      { row: 'r1', col: 'A' },
      { row: 'r1', col: 'B' },
      { row: 'r3', col: 'A' },
      { row: 'r3', col: 'B' },
    ]);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
    expectOnlySuppressionChanged(table, protectedTable);
  });

  it('withholds more when a suppressed cell is the only link between two groups of suppressed cells', () => {
    const table = grid([
      [1, 2, 50, 60],
      [3, 4, 1, 70],
      [80, 90, 2, 3],
      [40, 30, 4, 1],
    ]);
    // With only the small cells withheld every row and column has two or more, yet rows r1 + r2 minus
    // columns A + B give the cell r2 × C.
    const smallWithheld: CrossTab = { ...table, cells: table.cells.map((c) => (c.value! < 5 ? cell(c.key, null, 'suppressed') : c)) };
    expect(disclosureRisks(smallWithheld, 5)).toEqual(['suppressed {row=r2, col=C} can be worked out by combining totals']);
    const protectedTable = protectCrossTab(table, 5);
    expect(suppressedKeys(protectedTable).length).toBeGreaterThan(9);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
    expectOnlySuppressionChanged(table, protectedTable);
  });

  it('hides a second non-zero value of a row with one small cell rather than its zeros', () => {
    const table = buildCrossTab(['state'], [cell({ state: 'MX-AGU' }, 2), cell({ state: 'MX-BCN' }, 0), cell({ state: 'MX-BCS' }, 0), cell({ state: 'MX-CAM' }, 9)]);
    const protectedTable = protectCrossTab(table, 5);
    expect(suppressedKeys(protectedTable)).toEqual([{ state: 'MX-AGU' }, { state: 'MX-CAM' }]);
    expect(protectedTable.margins).toEqual([cell({}, 11)]);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
  });

  it('suppresses small margins and keeps the totals by a dimension from giving one of them away', () => {
    const table = grid([
      [1, 30, 40],
      [0, 25, 35],
      [2, 20, 50],
    ]);
    const protectedTable = protectCrossTab(table, 5);
    const hidden = suppressedKeys(protectedTable).map(crossTabKeyId);
    expect(hidden).toEqual(expect.arrayContaining([crossTabKeyId({ row: 'r1', col: 'A' }), crossTabKeyId({ row: 'r3', col: 'A' }), crossTabKeyId({ col: 'A' })]));
    // The grand total is the sum of the column totals, so a second column total is withheld too.
    expect(protectedTable.margins.filter((m) => Object.keys(m.key)[0] === 'col' && m.flag === 'suppressed').length).toBeGreaterThanOrEqual(2);
    expect(disclosureRisks(table, 5).length).toBeGreaterThan(0);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
    expectOnlySuppressionChanged(table, protectedTable);
  });

  it('leaves a table of zeros alone: zero is not sensitive', () => {
    const table = grid([
      [0, 0],
      [0, 0],
    ]);
    expect(protectCrossTab(table, 5)).toEqual(table);
    expect(disclosureRisks(table, 5)).toEqual([]);
  });

  it('protects a 1-D table through its grand total', () => {
    const table = buildCrossTab(['sex'], [cell({ sex: 'mujer' }, 4), cell({ sex: 'hombre' }, 40)]);
    expect(disclosureRisks(table, 5)).toHaveLength(1);
    const protectedTable = protectCrossTab(table, 5);
    expect(protectedTable.cells.map((c) => c.value)).toEqual([null, null]);
    expect(protectedTable.margins).toEqual([cell({}, 44)]);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
  });

  it('suppresses the single cell of a table with no dimension when it is small', () => {
    expect(protectCrossTab(buildCrossTab([], [cell({}, 3)]), 5).cells).toEqual([cell({}, null, 'suppressed')]);
    expect(protectCrossTab(buildCrossTab([], [cell({}, 968)]), 5).cells).toEqual([cell({}, 968)]);
  });

  it('protects a 3-D table', () => {
    const values = [7, 12, 3, 20, 9, 11, 15, 6, 8, 10, 25, 30];
    const cells = ['a', 'b'].flatMap((x, i) => ['p', 'q'].flatMap((y, j) => ['u', 'v', 'w'].map((z, k) => cell({ x, y, z }, values[i * 6 + j * 3 + k]!))));
    const table = buildCrossTab(['x', 'y', 'z'], cells);
    const protectedTable = protectCrossTab(table, 5);
    expect(protectedTable.cells.find((c) => crossTabKeyId(c.key) === crossTabKeyId({ x: 'a', y: 'p', z: 'w' }))).toEqual(cell({ x: 'a', y: 'p', z: 'w' }, null, 'suppressed'));
    expect(suppressedKeys(protectedTable).length).toBeGreaterThan(1);
    expect(disclosureRisks(protectedTable, 5)).toEqual([]);
    expectOnlySuppressionChanged(table, protectedTable);
  });

  it('keeps flags of the entries it leaves and an already suppressed entry suppressed', () => {
    const table = buildCrossTab(['sex'], [cell({ sex: 'mujer' }, 12, 'provisional'), cell({ sex: 'hombre' }, 40, 'estimated'), cell({ sex: 'x' }, null, 'suppressed')]);
    const protectedTable = protectCrossTab(table, 5);
    expect(protectedTable.cells).toEqual([cell({ sex: 'mujer' }, null, 'suppressed'), cell({ sex: 'hombre' }, 40, 'estimated'), cell({ sex: 'x' }, null, 'suppressed')]);
  });

  it('names a suppressed entry that still shows a number and a relation with one suppressed member', () => {
    const risky: CrossTab = { dimensions: ['sex'], cells: [cell({ sex: 'mujer' }, 3, 'suppressed'), cell({ sex: 'hombre' }, 40)], margins: [cell({}, 43)] };
    expect(disclosureRisks(risky, 5)).toEqual([
      'suppressed {sex=mujer} still shows 3',
      'grand total = sum of cells: {sex=mujer} is its only suppressed member and can be worked out',
    ]);
  });

  it('leaves every random table safe and changes nothing but what it withholds', () => {
    const count = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 200 }) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
    const tableArbitrary = fc
      .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
      .chain((sizes) => {
        const keys = sizes.reduce<Record<string, string>[]>(
          (partial, size, d) => partial.flatMap((key) => Array.from({ length: size }, (_, c) => ({ ...key, [`d${d}`]: `c${c}` }))),
          [{}],
        );
        return fc.record({
          dimensions: fc.constant(sizes.map((_, d) => `d${d}`)),
          cells: fc.tuple(...keys.map((key) => count.map((value) => cell(key, value, value === null ? 'not_available' : null)))),
        });
      });
    fc.assert(
      fc.property(tableArbitrary, fc.integer({ min: 3, max: 8 }), ({ dimensions, cells }, threshold) => {
        const table = buildCrossTab(dimensions, cells);
        const protectedTable = protectCrossTab(table, threshold);
        expect(disclosureRisks(protectedTable, threshold)).toEqual([]);
        expectOnlySuppressionChanged(table, protectedTable);
        for (const margin of protectedTable.margins.filter((m) => m.flag !== 'suppressed' && m.value !== null)) {
          const parts = cells.filter((c) => Object.entries(margin.key).every(([dimension, code]) => c.key[dimension] === code));
          expect(margin.value).toBe(parts.reduce((sum, part) => sum + (part.value ?? 0), 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('protects the SESNSP kidnappings of children in 2024 by state', () => {
    const file = new URL('../../../../apps/server/src/demo/fixtures/statistics/sesnsp-victimas-nna-estatal.csv', import.meta.url);
    const victimsByState = new Map<string, number>();
    for (const record of parseCsvRecords(readFileSync(file, 'utf8'))) {
      if (record.year !== '2024' || record.crime_type !== 'Secuestro') continue;
      victimsByState.set(record.state_iso!, (victimsByState.get(record.state_iso!) ?? 0) + Number(record.victims));
    }
    expect(victimsByState.size).toBe(32);
    const table = buildCrossTab(
      ['state'],
      [...victimsByState].map(([state, victims]) => cell({ state }, victims)),
    );
    const isSmall = (value: number | null) => value !== null && value >= 1 && value <= 4;
    expect(table.cells.filter((c) => isSmall(c.value))).toHaveLength(13);

    const protectedTable = protectCrossTab(table, DEFAULT_DISCLOSURE_THRESHOLD);
    expect([...protectedTable.cells, ...protectedTable.margins].filter((entry) => isSmall(entry.value))).toEqual([]);
    expect(disclosureRisks(protectedTable, DEFAULT_DISCLOSURE_THRESHOLD)).toEqual([]);
    // Thirteen withheld states already hide each other in the one relation (the national total): nothing more is withheld.
    expect(protectedTable.cells.filter((c) => c.flag === 'suppressed')).toHaveLength(13);
    expect(protectedTable.margins).toEqual([cell({}, [...victimsByState.values()].reduce((sum, victims) => sum + victims, 0))]);
    expectOnlySuppressionChanged(table, protectedTable);
  });
});
