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
