import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedDataset } from '../model.js';
import { readBudgetTable, splitCellValues } from './budget-table.js';

// Seed 002 (Alianza 8.7 report), copied byte for byte into the demo fixtures; the table is on lines 40-58.
const seedLines = readFileSync(new URL('../../../../../apps/server/src/demo/fixtures/alianza-87-informe-2024.txt', import.meta.url), 'utf8').split('\n');
const table = seedLines.slice(39, 58).join('\n');
const column = (year: number) => `Presupuesto destinado ${year} (millones de pesos)`;
const issuesAt = (dataset: ParsedDataset, row: number, header: string) => dataset.issues.filter((issue) => issue.row === row && issue.column === header);

describe('splitCellValues', () => {
  it('starts a new value where two numbers follow each other', () => {
    expect(splitCellValues('2,626,901,670 309 mil 447 millones 752 mil')).toEqual(['2,626,901,670', '309 mil 447 millones 752 mil']);
    expect(splitCellValues('3,597,754,920 223,709,817,169 421 , mil 593 millones')).toEqual(['3,597,754,920', '223,709,817,169', '421 , mil 593 millones']);
    expect(splitCellValues('49,669.6')).toEqual(['49,669.6']);
    expect(splitCellValues('')).toEqual([]);
  });
});

describe('readBudgetTable on seed 002', () => {
  const dataset = readBudgetTable(table, { name: 'Presupuesto NNA', firstLine: 40 });
  const programmes = dataset.dimensions[0]!;
  const merged = 'Bienestar y Desarrollo Infantil Beca Universal de Educación Básica Rita Cetina';
  const value = (programme: string, period: string) => dataset.observations.find((observation) => observation.key.programa === programme && observation.key.period === period)!;

  it('reads the title, the programmes by year and one measure in pesos, never rescaled', () => {
    expect(dataset.metadata.description).toBe(
      'Presupuesto de Egresos de la Federación destinado a acciones y medidas políticas enfocadas a la atención y bienestar de NNA durante el período 2023-2025',
    );
    expect(dataset.dimensions.map((dimension) => [dimension.code, dimension.kind])).toEqual([
      ['programa', 'category'],
      ['period', 'period'],
    ]);
    expect(dataset.dimensions[1]!.codes.map((code) => code.code)).toEqual(['2023', '2024', '2025']);
    expect(programmes.codes).toHaveLength(13);
    expect(programmes.codes.filter((code) => code.isTotal)).toEqual([{ code: 'TOTAL', label: 'TOTAL', isTotal: true }]);
    expect(dataset.measures).toEqual([{ code: 'presupuesto_destinado_millones_de_pesos', label: 'Presupuesto destinado (millones de pesos)', unit: 'mxn', scale: 1, isPersonCount: false }]);
    expect(value('Educación Inicial y Básica Comunitaria', '2024').value).toBe(7_354_078_922);
    for (const year of [2023, 2024, 2025]) expect(issuesAt(dataset, 43, column(year))).toMatchObject([{ code: 'unit_mismatch', severity: 'warning' }]);
  });

  it('reports the 49,669.6 at its row and column as out of scale and flags it', () => {
    expect(issuesAt(dataset, 47, column(2025))).toMatchObject([{ code: 'out_of_scale', severity: 'error' }]);
    expect(value('Programa de Becas de Educación Básica para el Bienestar Benito Juárez', '2025')).toMatchObject({ value: 49_669.6, flags: ['inconsistent'] });
  });

  it('splits the total off the merged line 56 and reports what it cannot split', () => {
    expect(issuesAt(dataset, 56, 'Acción o programa')).toMatchObject([{ code: 'merged_row', severity: 'error' }]);
    expect(value('TOTAL', '2023')).toMatchObject({ value: 309_447_752_000, comment: '309 mil 447 millones 752 mil' });
    expect(value('TOTAL', '2025').value).toBe(421_593_000_000);
    expect(value(merged, '2023')).toMatchObject({ value: 2_626_901_670, flags: ['inconsistent'] });
    // Two values in one cell of two programmes: neither is given to the merged label.
    expect(value(merged, '2025')).toMatchObject({ value: null, flags: ['inconsistent'] });
    expect(issuesAt(dataset, 56, column(2025)).map((issue) => issue.code).sort()).toEqual(['amount_in_words', 'merged_row', 'total_mismatch']);
  });

  it('checks each year’s TOTAL against every programme and names the differences', () => {
    const mismatch = (year: number) => issuesAt(dataset, 56, column(year)).find((issue) => issue.code === 'total_mismatch')!;
    expect(mismatch(2023).message).toContain('es 309,447,752,000, pero la suma de las 12 partes que cubre es 309,447,752,263');
    expect(mismatch(2024).message).toContain('es 319,924,000,414, pero la suma de las 12 partes que cubre es 319,924,414,554');
    expect(mismatch(2025).message).toContain('una celda sin valor no se suma');
    expect(value('TOTAL', '2024').flags).toEqual(['inconsistent']);
  });

  it('reads a clean table without errors', () => {
    const clean = readBudgetTable('Programa\tPresupuesto 2023 (pesos)\tPresupuesto 2024 (pesos)\nA\t1,000\t1,100\nB\t2,000\t2,100\nTOTAL\t3,000\t3,200', { name: 'x' });
    expect(clean.issues).toEqual([]);
    expect(clean.measures[0]).toMatchObject({ unit: 'mxn', scale: 1 });
  });
});
