import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './parse-csv.js';

describe('parseCsv', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b, c","d ""e""","f\ng"\r\n1,2,3,4')).toEqual([
      ['a', 'b, c', 'd "e"', 'f\ng'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('skips provenance comments before the header', () => {
    const records = parseCsvRecords('# provenance: INEGI, 2020\ncve,nom\n20,"Heroica Villa, Oaxaca"\n');
    expect(records).toEqual([{ cve: '20', nom: 'Heroica Villa, Oaxaca' }]);
  });
});

describe('writeCsv', () => {
  it('quotes what needs quoting, defuses formulas and reads back the same cells', async () => {
    const { writeCsv } = await import('./write-csv.js');
    const rows = [{ name: 'Red, "REDIM"', note: '=HYPERLINK("x")', n: -3 }];
    const csv = writeCsv(rows, [
      { header: 'nombre', value: (r) => r.name },
      { header: 'nota', value: (r) => r.note },
      { header: 'n', value: (r) => r.n },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([['nombre', 'nota', 'n'], ['Red, "REDIM"', `'=HYPERLINK("x")`, '-3']]);
  });

  it('writes comment lines before the header, each on one line, and can leave the BOM out', async () => {
    const { writeCsv } = await import('./write-csv.js');
    const csv = writeCsv([{ n: 1 }], [{ header: 'n', value: (r) => r.n }], { comments: ['Fuente: SESNSP', 'dos\r\nlíneas'], byteOrderMark: false });
    expect(csv).toBe('# Fuente: SESNSP\r\n# dos líneas\r\nn\r\n1\r\n');
    expect(parseCsvRecords(csv)).toEqual([{ n: '1' }]);
  });
});
