import { describe, expect, it } from 'vitest';
import { ancestorCode, coarserLevels, codeLevel, findState, missingParentCodes } from './dimension-levels.js';

describe('dimension levels', () => {
  it('reads the level of period and municipality codes, and nothing of a source total', () => {
    expect(['2024', '2024-Q3', '2024-07', 'TOTAL', '2024-13'].map((code) => codeLevel('period', code))).toEqual(['year', 'quarter', 'month', null, null]);
    expect(['06002', '06', 'Colima'].map((code) => codeLevel('municipality', code))).toEqual(['municipality', 'state', null]);
    expect(codeLevel('sex', 'mujer')).toBeNull();
  });

  it('rolls a month up to its quarter and year, a municipality to its state, never down', () => {
    expect(ancestorCode('period', '2024-07', 'quarter')).toBe('2024-Q3');
    expect(ancestorCode('period', '2024-12', 'year')).toBe('2024');
    expect(ancestorCode('period', '2024-Q1', 'year')).toBe('2024');
    expect(ancestorCode('period', '2024', 'month')).toBeNull();
    expect(ancestorCode('municipality', '06002', 'state')).toBe('06');
    expect(ancestorCode('period', 'TOTAL', 'year')).toBeNull();
  });

  it('adds the coarser codes a code list needs, coarsest first, once each', () => {
    const months = ['2023-12', '2024-01', '2024-02'].map((code) => ({ code, label: code }));
    expect(coarserLevels('period', months)).toEqual(['year', 'quarter']);
    expect(missingParentCodes('period', months)).toEqual([
      { code: '2023', label: '2023' },
      { code: '2024', label: '2024' },
      { code: '2023-Q4', label: '4.º trimestre 2023' },
      { code: '2024-Q1', label: '1.º trimestre 2024' },
    ]);
    expect(missingParentCodes('municipality', [{ code: '06002', label: 'Colima' }, { code: '06', label: 'Colima' }])).toEqual([]);
    expect(missingParentCodes('municipality', [{ code: '14039', label: 'Guadalajara' }])).toEqual([{ code: '14', label: 'Jalisco' }]);
  });

  it('finds a state by INEGI code, ISO code or name, accents and case aside', () => {
    expect(['06', 'MX-COL', 'mx-col', 'colima'].map((text) => findState(text)?.cve)).toEqual(['06', '06', '06', '06']);
    expect(findState('Michoacan')?.iso).toBe('MX-MIC');
    expect(findState('Atlántida')).toBeUndefined();
  });
});
