import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse-csv.js';
import { buildCrossTab } from './cross-tab.js';
import { type CrossTab, OBSERVATION_FLAGS, type TableCell } from './model.js';
import { type CrossTabCsvMeta, crossTabToCsv, crossTabToJson, crossTabToSdmxCsv, FLAG_NAMES_ES } from './table-export.js';

const cell = (key: Record<string, string>, value: number | null, flag: TableCell['flag'] = null): TableCell => ({ key, value, flag });

/** A protected-looking table whose suppressed cell still (wrongly) carries its number: the writers must drop it. */
const table: CrossTab = {
  dimensions: ['state', 'sex'],
  cells: [
    cell({ state: 'MX-AGU', sex: 'mujer' }, 3, 'suppressed'),
    cell({ state: 'MX-AGU', sex: 'hombre' }, null, 'suppressed'),
    cell({ state: 'MX-COL', sex: 'mujer' }, 17, 'inconsistent'),
    cell({ state: 'MX-COL', sex: 'hombre' }, 21, 'provisional'),
  ],
  margins: [
    cell({ state: 'MX-AGU' }, 11),
    cell({ state: 'MX-COL' }, 38, 'inconsistent'),
    cell({ sex: 'mujer' }, 20, 'unreliable'),
    cell({ sex: 'hombre' }, 29, 'estimated'),
    cell({}, 49, 'break'),
  ],
};

const meta: CrossTabCsvMeta = {
  datasetName: 'Víctimas NNA (SESNSP)',
  measureLabel: 'Víctimas',
  kind: 'count',
  view: 'public',
  threshold: 5,
  labels: { state: { 'MX-AGU': 'Aguascalientes', 'MX-COL': 'Colima' }, sex: { mujer: 'Mujer', hombre: 'Hombre' } },
  dimensionLabels: { state: 'Entidad', sex: 'Sexo' },
  provenance: ['Fuente: SESNSP, datos abiertos', 'Recuperado el 2025-07-20'],
};

/** The CSV's lines without BOM, the `#` lines apart. */
function readCsv(text: string) {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  return { comments: rows.filter((row) => row[0]!.startsWith('#')).map((row) => row.join(',')), rows: rows.filter((row) => !row[0]!.startsWith('#')) };
}

describe('crossTabToCsv', () => {
  it('writes the dataset, measure, view and provenance, then labelled rows with Spanish flags', () => {
    const text = crossTabToCsv(table, meta);
    expect(text.startsWith('\uFEFF# Conjunto de datos: Víctimas NNA (SESNSP)\r\n')).toBe(true);
    const { comments, rows } = readCsv(text);
    expect(comments).toEqual([
      '# Conjunto de datos: Víctimas NNA (SESNSP)',
      '# Medida: Víctimas',
      '# Vista pública: cifras de 1 a 4 suprimidas, y otras para que no puedan deducirse de los totales',
      '# Fuente: SESNSP, datos abiertos',
      '# Recuperado el 2025-07-20',
    ]);
    expect(rows).toEqual([
      ['Entidad', 'Sexo', 'valor', 'marca'],
      ['Aguascalientes', 'Mujer', '', 'confidencial'],
      ['Aguascalientes', 'Hombre', '', 'confidencial'],
      ['Colima', 'Mujer', '17', 'inconsistente en la fuente'],
      ['Colima', 'Hombre', '21', 'preliminar'],
      ['Aguascalientes', 'Total', '11', ''],
      ['Colima', 'Total', '38', 'inconsistente en la fuente'],
      ['Total', 'Mujer', '20', 'poco confiable'],
      ['Total', 'Hombre', '29', 'estimado'],
      ['Total', 'Total', '49', 'ruptura de serie'],
    ]);
  });

  it('names rates per 100,000 children and the internal view', () => {
    const { comments } = readCsv(crossTabToCsv(table, { ...meta, kind: 'rate', view: 'internal', threshold: 3 }));
    expect(comments.slice(1, 3)).toEqual(['# Medida: Víctimas, tasa por 100,000 niñas, niños y adolescentes', '# Vista interna: cifras sin suprimir, no es para publicación']);
  });

  it('writes a table with no dimension as one row and codes without a label as they are', () => {
    const { rows } = readCsv(crossTabToCsv(buildCrossTab([], [cell({}, 968, 'not_available')]), meta));
    expect(rows).toEqual([
      ['valor', 'marca'],
      ['968', 'no disponible'],
    ]);
    const { rows: unlabelled } = readCsv(crossTabToCsv(buildCrossTab(['age'], [cell({ age: '0-5' }, 8)]), meta));
    expect(unlabelled).toEqual([
      ['age', 'valor', 'marca'],
      ['0-5', '8', ''],
      ['Total', '8', ''],
    ]);
  });

  it('has a Spanish name for every flag', () => {
    expect(Object.keys(FLAG_NAMES_ES).sort()).toEqual([...OBSERVATION_FLAGS].sort());
    expect(new Set(Object.values(FLAG_NAMES_ES)).size).toBe(OBSERVATION_FLAGS.length);
  });
});

describe('crossTabToSdmxCsv', () => {
  it('writes codes, _T in totalled dimensions and SDMX statuses, without BOM or comments', () => {
    const text = crossTabToSdmxCsv(table, { datasetId: 'SESNSP_VICTIMAS_NNA', measure: 'victims' });
    expect(text.startsWith('STRUCTURE,')).toBe(true);
    const rows = parseCsv(text);
    const header = ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'STATE', 'SEX', 'MEASURE', 'OBS_VALUE', 'OBS_STATUS', 'CONF_STATUS', 'COMMENT'];
    expect(rows[0]).toEqual(header);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const head = ['dataflow', 'TELAR:SESNSP_VICTIMAS_NNA(1.0)', 'I'];
    expect(rows.slice(1)).toEqual([
      [...head, 'MX-AGU', 'mujer', 'victims', '', 'A', 'C', ''],
      [...head, 'MX-AGU', 'hombre', 'victims', '', 'A', 'C', ''],
      [...head, 'MX-COL', 'mujer', 'victims', '17', 'A', 'F', 'inconsistente en la fuente'],
      [...head, 'MX-COL', 'hombre', 'victims', '21', 'P', 'F', ''],
      [...head, 'MX-AGU', '_T', 'victims', '11', 'A', 'F', ''],
      [...head, 'MX-COL', '_T', 'victims', '38', 'A', 'F', 'inconsistente en la fuente'],
      [...head, '_T', 'mujer', 'victims', '20', 'A', 'F', 'poco confiable'],
      [...head, '_T', 'hombre', 'victims', '29', 'E', 'F', ''],
      [...head, '_T', '_T', 'victims', '49', 'B', 'F', ''],
    ]);
  });
});

describe('crossTabToJson', () => {
  it('writes exactly dimensions, cells and margins, with no number for a suppressed cell', () => {
    const parsed = JSON.parse(crossTabToJson(table)) as CrossTab;
    expect(Object.keys(parsed)).toEqual(['dimensions', 'cells', 'margins']);
    expect(parsed.dimensions).toEqual(['state', 'sex']);
    expect(parsed.cells[0]).toEqual(cell({ state: 'MX-AGU', sex: 'mujer' }, null, 'suppressed'));
    expect(parsed.cells.slice(1)).toEqual(table.cells.slice(1));
    expect(parsed.margins).toEqual(table.margins);
    expect(parsed.cells.every((entry) => Object.keys(entry).join() === 'key,value,flag')).toBe(true);
  });
});

describe('the three writers', () => {
  it('never write the number of a suppressed cell', () => {
    const secret = 4321;
    const leaky: CrossTab = { dimensions: ['sex'], cells: [cell({ sex: 'mujer' }, secret, 'suppressed'), cell({ sex: 'hombre' }, 50)], margins: [cell({}, null, 'suppressed')] };
    for (const text of [crossTabToCsv(leaky, meta), crossTabToSdmxCsv(leaky, { datasetId: 'X', measure: 'victims' }), crossTabToJson(leaky)]) {
      expect(text).not.toContain(String(secret));
      expect(text).toContain('50');
    }
  });
});
