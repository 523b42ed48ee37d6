import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DimensionSchema, MeasureSchema, type ParsedDataset } from '../model.js';
import { readDatasetCsv, readDatasetTable } from './read-table.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../../../apps/server/src/demo/fixtures/statistics/${name}`, import.meta.url), 'utf8');
const errors = (dataset: ParsedDataset) => dataset.issues.filter((issue) => issue.severity === 'error');
const dimension = (dataset: ParsedDataset, code: string) => dataset.dimensions.find((candidate) => candidate.code === code)!;

describe('readDatasetCsv on the demo files', () => {
  it('reads the SESNSP child-victims file: every row one observation, no errors', () => {
    const text = fixture('sesnsp-victimas-nna-estatal.csv');
    const dataset = readDatasetCsv(text, { name: 'Víctimas NNA' });
    expect(dataset.observations).toHaveLength(108_864);
    expect(dataset.dimensions.map((candidate) => [candidate.code, candidate.kind])).toEqual([
      ['period', 'period'],
      ['state', 'state'],
      ['crime_type', 'category'],
      ['crime_subtype', 'category'],
      ['sex', 'sex'],
    ]);
    expect(dataset.measures).toEqual([{ code: 'victims', label: 'victims', unit: 'persons', scale: 1, isPersonCount: true }]);
    expect(errors(dataset)).toEqual([]);
    expect(dataset.metadata.provenance).toBe(text.split('\n')[0]!.slice('# provenance: '.length));
    expect(dimension(dataset, 'period').codes[2]).toEqual({ code: '2015-03', label: 'marzo 2015' });
    expect(dimension(dataset, 'state').codes).toHaveLength(32);
    expect(dimension(dataset, 'state').codes[5]).toEqual({ code: 'MX-COL', label: 'Colima' });
    expect(dimension(dataset, 'sex').codes).toEqual([
      { code: 'hombre', label: 'Hombres' },
      { code: 'mujer', label: 'Mujeres' },
    ]);
    expect(dimension(dataset, 'crime_subtype').codes).toContainEqual({ code: '_Z', label: '(sin desagregar)' });
    // The file's third line is the first data row: 2015-01, Aguascalientes, Corrupción de menores, hombre, 0.
    expect(dataset.observations[0]).toEqual({
      key: { period: '2015-01', state: 'MX-AGU', crime_type: 'Corrupción de menores', crime_subtype: '_Z', sex: 'hombre' },
      measure: 'victims',
      value: 0,
      flags: [],
      comment: null,
    });
    const sum = dataset.observations.reduce((total, observation) => total + observation.value!, 0);
    const sumInFile = text
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(',') + 1)), 0);
    expect(sum).toBe(sumInFile);
  });

  it('reads the CONAPO population file with one age group and the coverage file with several measures', () => {
    const population = readDatasetCsv(fixture('conapo-poblacion-0-17-estatal.csv'), { name: 'Población 0-17' });
    expect(errors(population)).toEqual([]);
    expect(population.dimensions.map((candidate) => candidate.code)).toEqual(['period', 'state', 'sex', 'age_group']);
    expect(dimension(population, 'age_group').codes).toEqual([{ code: '0-17', label: '0-17' }]);
    expect(dimension(population, 'period').codes[0]).toEqual({ code: '2015', label: '2015' });
    expect(population.measures[0]).toMatchObject({ code: 'population', unit: 'persons', isPersonCount: true });
    expect(population.observations[0]).toMatchObject({ key: { period: '2015', state: 'MX-AGU', sex: 'hombre', age_group: '0-17' }, value: 246605 });

    const coverage = readDatasetCsv(fixture('sesnsp-victimas-cobertura-edad-estatal.csv'), { name: 'Cobertura', dimensions: ['year', 'cve_ent', 'state_iso'] });
    expect(errors(coverage)).toEqual([]);
    expect(coverage.dimensions.map((candidate) => candidate.code)).toEqual(['period', 'state']);
    expect(coverage.measures.map((measure) => [measure.code, measure.unit])).toEqual([
      ['months', 'other'],
      ['victims_all', 'persons'],
      ['victims_0_17', 'persons'],
      ['victims_18_plus', 'persons'],
      ['victims_age_unspecified', 'persons'],
      ['victims_not_identified', 'persons'],
      ['pct_age_known', 'percent'],
    ]);
    expect(coverage.observations.find((observation) => observation.key.state === 'MX-AGU' && observation.measure === 'pct_age_known')?.value).toBe(6.9);
  });
});

describe('readDatasetCsv on small variants', () => {
  it('matches a state written by name with a warning at its row and column, and refuses an unknown one', () => {
    const dataset = readDatasetCsv('# provenance: hecho a mano\nyear,entidad,casos\n2023,Colima,3\n2023,CDMX,4\n2024,Colima,1\n2024,Gondor,2\n', { name: 'x' });
    expect(dataset.observations.map((observation) => observation.key.state)).toEqual(['MX-COL', 'MX-CMX', 'MX-COL', 'Gondor']);
    const matched = dataset.issues.filter((issue) => issue.code === 'code_matched');
    expect(matched.map((issue) => [issue.row, issue.column, issue.severity])).toEqual([
      [3, 'entidad', 'warning'],
      [4, 'entidad', 'warning'],
    ]);
    expect(matched[0]!.message).toContain('Colima');
    expect(matched[0]!.message).toContain('otras 1 filas');
    expect(errors(dataset)).toMatchObject([{ code: 'unknown_code', row: 6, column: 'entidad' }]);
    expect(dataset.observations[3]!.flags).toEqual(['inconsistent']);
    expect(dataset.observations[2]!.flags).toEqual([]);
  });

  it('reads a semicolon CSV and keeps a blank as not available, never zero', () => {
    const dataset = readDatasetCsv('año;estado;sexo;víctimas\n2023;06;Mujer;5\n2023;06;Hombre;\n', { name: 'x' });
    expect(dataset.dimensions.map((candidate) => candidate.code)).toEqual(['period', 'state', 'sex']);
    expect(dataset.measures[0]).toMatchObject({ code: 'victimas', unit: 'persons' });
    expect(dataset.observations[1]).toEqual({ key: { period: '2023', state: 'MX-COL', sex: 'hombre' }, measure: 'victimas', value: null, flags: ['not_available'], comment: null });
    expect(dataset.issues).toMatchObject([{ code: 'blank', severity: 'warning', row: 3, column: 'víctimas' }]);
    expect(dimension(dataset, 'sex').codes).toEqual([
      { code: 'mujer', label: 'Mujeres' },
      { code: 'hombre', label: 'Hombres' },
    ]);
  });

  it('flags a negative count, a decimal count and a repeated key at their cells', () => {
    const dataset = readDatasetTable(
      [
        ['year', 'cve_ent', 'victims'],
        ['2024', '1', '-2'],
        ['2024', '2', '3.5'],
        ['2024', '3', '"1,234"'],
        ['2024', '02', '7'],
      ],
      { name: 'x', measure: 'victims', firstRow: 4 },
    );
    expect(errors(dataset).map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ['negative', 5, 'victims'],
      ['not_integer', 6, 'victims'],
      ['unreadable_value', 7, 'victims'],
      ['duplicate_key', 8, 'victims'],
    ]);
    expect(dataset.observations.map((observation) => observation.value)).toEqual([-2, 3.5, null, 7]);
    expect(dataset.observations.map((observation) => observation.flags)).toEqual([['inconsistent'], ['inconsistent'], ['inconsistent'], ['inconsistent']]);
    expect(dataset.observations[2]!.comment).toBe('"1,234"');
  });

  it('reads thousands separators and amounts in words, warning about the words', () => {
    const dataset = readDatasetCsv('programa,monto\nA,"1,234,567"\nB,3 mil 200\nC,"49,669.6"\n', { name: 'x' });
    expect(dataset.observations.map((observation) => observation.value)).toEqual([1_234_567, 3200, 49_669.6]);
    expect(dataset.issues).toMatchObject([{ code: 'amount_in_words', severity: 'warning', row: 3, column: 'monto' }]);
    expect(dataset.observations[1]!.comment).toBe('3 mil 200');
  });

  it('reports a disagreement between cve_ent and state_iso', () => {
    const dataset = readDatasetCsv('year,cve_ent,state_iso,victims\n2024,06,MX-COL,1\n2025,06,MX-COA,2\n', { name: 'x' });
    expect(dimension(dataset, 'state').codes).toEqual([{ code: 'MX-COL', label: 'Colima' }]);
    expect(errors(dataset)).toMatchObject([{ code: 'code_mismatch', row: 3, column: 'state_iso' }]);
    expect(dataset.observations[1]!.flags).toEqual(['inconsistent']);
  });
});

describe('readDatasetTable on wide tables and totals', () => {
  it('reads years as columns, a total column and a total row, and names each total that does not add up', () => {
    const dataset = readDatasetCsv('Entidad,2022,2023,Total\nColima,1,2,3\nJalisco,4,5,10\nTotal,5,8,13\n', { name: 'x', measure: 'casos', wideDimension: 'period' });
    expect(dimension(dataset, 'period')).toEqual({
      code: 'period',
      label: 'Periodo',
      kind: 'period',
      codes: [
        { code: '2022', label: '2022' },
        { code: '2023', label: '2023' },
        { code: 'TOTAL', label: 'Total', isTotal: true },
      ],
    });
    expect(dimension(dataset, 'state').codes).toEqual([
      { code: 'MX-COL', label: 'Colima' },
      { code: 'MX-JAL', label: 'Jalisco' },
      { code: 'TOTAL', label: 'Total', isTotal: true },
    ]);
    expect(dataset.measures).toEqual([{ code: 'casos', label: 'casos', unit: 'cases', scale: 1, isPersonCount: false }]);
    expect(dataset.observations).toHaveLength(9);
    // Jalisco's 4 + 5 is 9, not 10; 2023's 2 + 5 is 7, not 8; the grand total 13 is 3 + 10 and 5 + 8.
    const mismatches = dataset.issues.filter((issue) => issue.code === 'total_mismatch');
    expect(mismatches.map((issue) => [issue.row, issue.column]).sort()).toEqual([
      [3, 'Total'],
      [4, '2023'],
    ]);
    expect(mismatches.find((issue) => issue.row === 3)!.message).toBe('Fila 3, columna "Total": el total publicado "Total" es 10, pero la suma de las 2 partes que cubre es 9; diferencia de 1.');
    const jaliscoTotal = dataset.observations.find((observation) => observation.key.state === 'MX-JAL' && observation.key.period === 'TOTAL')!;
    expect(jaliscoTotal.flags).toEqual(['inconsistent']);
    const colimaTotal = dataset.observations.find((observation) => observation.key.state === 'MX-COL' && observation.key.period === 'TOTAL')!;
    expect(colimaTotal.flags).toEqual([]);
  });

  it('detects a wide table by its headers and reads unit and scale from them', () => {
    const dataset = readDatasetTable(
      [
        ['Programa', 'Presupuesto 2023 (millones de pesos)', 'Presupuesto 2024 (millones de pesos)'],
        ['A', '1,200.5', '1,300'],
        ['B', '', '7'],
      ],
      { name: 'x' },
    );
    expect(dataset.dimensions.map((candidate) => [candidate.code, candidate.kind, candidate.codes.map((code) => code.code)])).toEqual([
      ['programa', 'category', ['A', 'B']],
      ['period', 'period', ['2023', '2024']],
    ]);
    expect(dataset.measures).toEqual([{ code: 'presupuesto_millones_de_pesos', label: 'Presupuesto (millones de pesos)', unit: 'mxn', scale: 1e6, isPersonCount: false }]);
    expect(dataset.observations.map((observation) => [observation.key.programa, observation.key.period, observation.value])).toEqual([
      ['A', '2023', 1200.5],
      ['A', '2024', 1300],
      ['B', '2023', null],
      ['B', '2024', 7],
    ]);
    expect(dataset.issues).toMatchObject([{ code: 'blank', row: 3, column: 'Presupuesto 2023 (millones de pesos)' }]);
  });

  it('reports a value a thousand times off its column as out of scale, and refuses a file over the row limit', () => {
    const values = ['120', '95', '130', '0.1', '101'];
    const dataset = readDatasetTable([['programa', 'monto'], ...values.map((value, index) => [`P${index}`, value])], { name: 'x' });
    expect(dataset.issues).toMatchObject([{ code: 'out_of_scale', severity: 'error', row: 5, column: 'monto' }]);
    expect(dataset.observations[3]!.flags).toEqual(['inconsistent']);
    expect(dataset.observations[3]!.value).toBe(0.1);

    const huge = readDatasetTable([['year', 'victims'], ...Array.from({ length: 2_000_001 }, () => ['2024', '1'])], { name: 'x' });
    expect(huge.observations).toEqual([]);
    expect(huge.issues).toMatchObject([{ code: 'too_many_rows', severity: 'error' }]);
  });
});

describe('readDatasetTable dimensions', () => {
  it('reads municipalities by cvegeo or by cve_ent + cve_mun, labelled by their name column', () => {
    const byGeo = readDatasetTable(
      [
        ['cvegeo', 'municipio', 'año', 'casos'],
        ['06002', 'Colima', '2024', '3'],
        ['1001', 'Aguascalientes', '2024', '5'],
        ['99001', 'Nowhere', '2024', '1'],
      ],
      { name: 'x' },
    );
    expect(dimension(byGeo, 'municipality')).toMatchObject({
      kind: 'municipality',
      codes: [
        { code: '06002', label: 'Colima' },
        { code: '01001', label: 'Aguascalientes' },
        { code: '99001', label: '99001' },
      ],
    });
    expect(errors(byGeo)).toMatchObject([{ code: 'unknown_code', row: 4, column: 'cvegeo' }]);

    const byParts = readDatasetTable(
      [
        ['cve_ent', 'cve_mun', 'victims'],
        ['6', '2', '4'],
      ],
      { name: 'x' },
    );
    expect(byParts.observations[0]!.key).toEqual({ state: 'MX-COL', municipality: '06002' });
    expect(errors(byParts)).toEqual([]);
  });

  it('reads a month by name, and reports a month that is none', () => {
    const dataset = readDatasetTable(
      [
        ['year', 'mes', 'casos'],
        ['2024', 'Marzo', '1'],
        ['2024', '13', '2'],
      ],
      { name: 'x' },
    );
    expect(dimension(dataset, 'period').codes[0]).toEqual({ code: '2024-03', label: 'marzo 2024' });
    expect(errors(dataset)).toMatchObject([{ code: 'unknown_code', row: 3, column: 'mes' }]);
  });

  it('gives dimensions and measures the contract accepts', () => {
    const dataset = readDatasetCsv(fixture('conapo-poblacion-0-17-estatal.csv'), { name: 'x' });
    for (const candidate of dataset.dimensions) expect(DimensionSchema.safeParse(candidate).success).toBe(true);
    for (const measure of dataset.measures) expect(MeasureSchema.safeParse(measure).success).toBe(true);
    const odd = readDatasetTable([['2º Tipo de Delito (clasificación)', 'Número de víctimas'], ['Robo', '1']], { name: 'x' });
    expect(odd.dimensions[0]!.code).toBe('c_2_tipo_de_delito_clasificacion');
    expect(DimensionSchema.safeParse(odd.dimensions[0]).success).toBe(true);
    expect(odd.measures[0]).toMatchObject({ code: 'numero_de_victimas', unit: 'persons', isPersonCount: true });
  });
});
