import { describe, expect, it } from 'vitest';
import { findStateByText, MEXICAN_STATES } from './states.js';

describe('findStateByText', () => {
  it('reads INEGI codes, ISO codes, names, abbreviations and aliases', () => {
    expect(['14', 'MX-JAL', 'mx-jal', 'Jalisco', 'JALISCO', 'Jal.'].map((text) => findStateByText(text)?.iso)).toEqual(Array(6).fill('MX-JAL'));
    expect(findStateByText('5')?.iso).toBe('MX-COA');
    expect(findStateByText('Coahuila de Zaragoza')?.iso).toBe('MX-COA');
    expect(findStateByText('CDMX')?.iso).toBe('MX-CMX');
    expect(findStateByText('Distrito Federal')?.iso).toBe('MX-CMX');
    expect(findStateByText('Michoacan')?.iso).toBe('MX-MIC');
    expect(findStateByText('Estado de México')?.iso).toBe('MX-MEX');
    expect(findStateByText('México')?.iso).toBe('MX-MEX');
    expect(findStateByText('S.L.P.')?.iso).toBe('MX-SLP');
  });

  it('finds nothing for what is not a state', () => {
    expect(['33', '0', '', 'Texas', 'MX-XXX', 'Jaliscos'].map((text) => findStateByText(text))).toEqual(Array(6).fill(undefined));
  });

  it('never gives two states the same wording', () => {
    const wordings = MEXICAN_STATES.flatMap((state) => [state.iso, state.name, state.shortName, state.abbreviation, ...state.aliases].map((w) => [w, state.iso] as const));
    for (const [wording, iso] of wordings) expect(findStateByText(wording)?.iso, wording).toBe(iso);
  });
});
