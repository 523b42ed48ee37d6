import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../questionnaires/model.js';
import { parseQuestionnaire } from '../../questionnaires/parse.js';
import { readAnswerTables } from './answer-tables.js';

// Seed 001 (OACNUDH questionnaire, Jalisco's answer), copied byte for byte into the demo fixtures.
const seed = readFileSync(new URL('../../../../../apps/server/src/demo/fixtures/oacnudh-jal-mex-4-2021.txt', import.meta.url), 'utf8');

type TableBlock = Extract<Block, { type: 'table' }>;

function crimeTables(): TableBlock[] {
  const parsed = parseQuestionnaire(seed);
  if (!parsed.ok) throw new Error('seed 001 does not parse');
  return parsed.value.questions.flatMap((question) => question.answer?.blocks ?? []).filter((block): block is TableBlock => block.type === 'table' && block.header[0] === 'DELITO');
}

describe('readAnswerTables on seed 001', () => {
  const tables = crimeTables();
  const dataset = readAnswerTables(tables, { name: 'Denuncias por delito' });
  const find = (period: string, crime: string, measure: string) =>
    dataset.observations.find((observation) => observation.key.period === period && observation.key.crime === crime && observation.measure === measure)!;
  const mismatches = dataset.issues.filter((issue) => issue.code === 'total_mismatch');

  it('reads the five yearly tables into periods, crimes and two measures of cases', () => {
    expect(tables.map((table) => table.caption)).toEqual(['Año 2017', 'Año 2018', 'Año 2019', 'Año 2020', 'Año 2021']);
    expect(dataset.dimensions.map((dimension) => [dimension.code, dimension.kind])).toEqual([
      ['period', 'period'],
      ['crime', 'category'],
    ]);
    expect(dataset.dimensions[0]!.codes.map((code) => code.code)).toEqual(['2017', '2018', '2019', '2020', '2021']);
    const crimes = dataset.dimensions[1]!.codes;
    expect(crimes[0]).toEqual({ code: 'ABUSO SEXUAL', label: 'ABUSO SEXUAL' });
    expect(crimes.slice(-3)).toEqual([
      { code: 'TOTAL', label: 'TOTAL', isTotal: true },
      { code: 'SIN DATO', label: 'SIN DATO' },
      { code: 'TOTAL_2', label: 'TOTAL', isTotal: true },
    ]);
    expect(dataset.measures).toEqual([
      { code: 'denuncias', label: '#', unit: 'cases', scale: 1, isPersonCount: false },
      { code: 'causa_penal', label: 'CAUSA PENAL', unit: 'cases', scale: 1, isPersonCount: false },
    ]);
    expect(dataset.observations).toHaveLength(5 * 22 * 2);
    expect(find('2017', 'ABUSO SEXUAL', 'denuncias').value).toBe(43);
  });

  it('names 2017: TOTAL 132 + SIN DATO 69 is 201, but the second TOTAL says 270', () => {
    const issue = mismatches.find((candidate) => candidate.message.startsWith('Tabla "Año 2017", fila 23, columna "#"'));
    expect(issue).toMatchObject({ row: 23, column: '#', severity: 'error' });
    expect(issue!.message).toContain('es 270');
    expect(issue!.message).toContain('es 201');
    expect(find('2017', 'TOTAL_2', 'denuncias')).toMatchObject({ value: 270, flags: ['inconsistent'] });
    expect(find('2017', 'TOTAL', 'denuncias')).toMatchObject({ value: 132, flags: [] });
  });

  it('names 2021: the causa penal TOTAL says 0 while its rows add up to 1', () => {
    const issue = mismatches.find((candidate) => candidate.message.startsWith('Tabla "Año 2021", fila 21, columna "CAUSA PENAL"'));
    expect(issue!.message).toContain('es 0');
    expect(issue!.message).toContain('la única parte con valor que cubre es 1');
    expect(find('2021', 'TOTAL', 'causa_penal')).toMatchObject({ value: 0, flags: ['inconsistent'] });
  });

  it('keeps 2020’s blank SIN DATO causa penal as not available, not zero, and its totals agree', () => {
    expect(find('2020', 'SIN DATO', 'causa_penal')).toEqual({ key: { period: '2020', crime: 'SIN DATO' }, measure: 'causa_penal', value: null, flags: ['not_available'], comment: null });
    expect(dataset.issues).toContainEqual(expect.objectContaining({ code: 'blank', row: 22, column: 'CAUSA PENAL' }));
    expect(mismatches.filter((issue) => issue.message.includes('"Año 2020"'))).toEqual([]);
  });

  it('checks every year: 2018 to 2020 add up, 2017 also misses one causa penal', () => {
    const years = mismatches.map((issue) => /"Año (\d{4})"/.exec(issue.message)![1]);
    expect(years.filter((year) => year === '2018' || year === '2019' || year === '2020')).toEqual([]);
    expect(mismatches.filter((issue) => issue.message.includes('"Año 2017"') && issue.column === 'CAUSA PENAL')).toHaveLength(2);
  });

  it('refuses a table without a year', () => {
    const [table] = tables;
    const result = readAnswerTables([{ ...table!, caption: 'Delitos' }], { name: 'x' });
    expect(result.observations).toEqual([]);
    expect(result.issues).toMatchObject([{ code: 'unknown_column', severity: 'error', row: 1 }]);
    const fromContext = readAnswerTables([{ header: table!.header, rows: table!.rows, context: 'En atención a este punto, año 2019:' }], { name: 'x' });
    expect(fromContext.dimensions[0]!.codes).toEqual([{ code: '2019', label: '2019' }]);
  });
});
