import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectStates } from './detect-states.js';
import { MEXICAN_STATES, findStateByIso } from './states.js';

const CATALOGUE_CSV = new URL('../../../../../shared/data/mexico-entidades-inegi-iso.csv', import.meta.url);

describe('MEXICAN_STATES', () => {
  it('matches the INEGI / ISO 3166-2 catalogue row by row', () => {
    const rows = readFileSync(CATALOGUE_CSV, 'utf8')
      .split('\n')
      .filter((line) => /^\d{2},/.test(line))
      .map((line) => line.split(','));
    expect(rows).toHaveLength(32);
    expect(MEXICAN_STATES.map((state) => [state.cve, state.name, state.shortName, state.abbreviation, state.iso])).toEqual(
      rows.map((row) => row.slice(0, 5)),
    );
  });

  it('finds a state by ISO code', () => {
    expect(findStateByIso('MX-QUE')?.name).toBe('Querétaro');
    expect(findStateByIso('MX-XXX')).toBeUndefined();
  });
});

describe('detectStates', () => {
  it('finds every state by its official and short name', () => {
    for (const state of MEXICAN_STATES) {
      if (state.iso !== 'MX-MEX') expect(detectStates(`en ${state.name}.`)).toEqual([state.iso]);
      if (state.iso !== 'MX-MEX') expect(detectStates(`en ${state.shortName}.`)).toEqual([state.iso]);
    }
  });

  it('takes the longest name: Baja California Sur is not also Baja California', () => {
    expect(detectStates('Baja California Sur y Baja California')).toEqual(['MX-BCS', 'MX-BCN']);
    expect(detectStates('Baja California Sur')).toEqual(['MX-BCS']);
  });

  it('never reads the bare "México" as Estado de México', () => {
    expect(detectStates('World Vision México')).toEqual([]);
    expect(detectStates('en los destinos turísticos de México')).toEqual([]);
    expect(detectStates('en la región Centro Occidente de México')).toEqual([]);
    expect(detectStates('Estado de México, Edomex y Edo. Méx.')).toEqual(['MX-MEX']);
    expect(detectStates('Ciudad de México, CDMX, Distrito Federal')).toEqual(['MX-CMX']);
  });

  it('knows the long official names and accentless spellings', () => {
    expect(detectStates('Coahuila de Zaragoza, Michoacan de Ocampo, Veracruz de Ignacio de la Llave')).toEqual([
      'MX-COA',
      'MX-MIC',
      'MX-VER',
    ]);
    expect(detectStates('QUERETARO, nuevo leon, San Luis Potosi, Yucatan, Q.Roo')).toEqual([
      'MX-QUE',
      'MX-NLE',
      'MX-SLP',
      'MX-YUC',
      'MX-ROO',
    ]);
  });

  it('respects word boundaries and skips names that are not states', () => {
    expect(detectStates('Mexicali, Sonorense, Colimán, Tabasqueño')).toEqual([]);
    expect(detectStates('alcaldía Miguel Hidalgo, municipio Vicente Guerrero')).toEqual([]);
    expect(detectStates('Congreso en Mérida, Yucatán 2023')).toEqual(['MX-YUC']);
  });

  it('lists states in order of first mention, once', () => {
    expect(detectStates('Sinaloa, CDMX, Querétaro, Jalisco, Sinaloa y Ciudad de México')).toEqual([
      'MX-SIN',
      'MX-CMX',
      'MX-QUE',
      'MX-JAL',
    ]);
  });
});
