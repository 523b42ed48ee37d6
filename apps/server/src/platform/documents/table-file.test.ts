import { describe, expect, it } from 'vitest';
import { LIST_EXPORT_CAP, parseCsv } from '@telar/domain';
import { readWorkbook } from '../../test/workbook.js';
import { renderListFile } from './table-file.js';

const columns = [{ key: 'n', header: 'Número' }];
const rowsUpTo = (count: number) => Array.from({ length: count }, (_, index) => ({ n: index + 1 }));

describe('list downloads', () => {
  it('stop at the cap and say so below the workbook table', async () => {
    const file = await renderListFile({ title: 'Acuerdos', columns, rows: rowsUpTo(LIST_EXPORT_CAP + 1) }, 'xlsx');
    const { rows } = await readWorkbook(file.body as Buffer);
    expect(rows[LIST_EXPORT_CAP]).toEqual([LIST_EXPORT_CAP]);
    expect(rows[LIST_EXPORT_CAP + 1]).toEqual([]);
    expect(rows[LIST_EXPORT_CAP + 2]![0]).toBe('Lista incompleta: solo se incluyen las primeras 50,000 filas. Afine los filtros para descargar el resto.');
    expect(rows).toHaveLength(LIST_EXPORT_CAP + 3);
  }, 60_000);

  it('write a list that fits whole, with no note, and CSV rows only', async () => {
    const workbook = await readWorkbook((await renderListFile({ title: 'Sesiones', columns, rows: rowsUpTo(3) }, 'xlsx')).body as Buffer);
    expect(workbook.rows).toEqual([['Número'], [1], [2], [3]]);
    const csv = await renderListFile({ title: 'Sesiones', columns, rows: rowsUpTo(LIST_EXPORT_CAP + 1) }, 'csv');
    expect(csv.fileName).toMatch(/^Sesiones \d{4}-\d{2}-\d{2}\.csv$/);
    const lines = parseCsv((csv.body as string).replace(/^\uFEFF/, ''), ',');
    expect(lines).toHaveLength(LIST_EXPORT_CAP + 1);
    expect(lines.at(-1)).toEqual([String(LIST_EXPORT_CAP)]);
  });
});
