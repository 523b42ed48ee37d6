import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSpanishOrdinal, parseSpanishOrdinal } from './ordinals.js';

describe('parseSpanishOrdinal', () => {
  it.each([
    ['Primera', 1],
    ['primero', 1],
    ['Primer', 1],
    ['Tercer', 3],
    ['Séptima', 7],
    ['setima', 7],
    ['Décima', 10],
    ['Décimo Primera', 11],
    ['Décima Primera', 11],
    ['Decimoprimera', 11],
    ['Undécima', 11],
    ['Onceava', 11],
    ['Duodécima', 12],
    ['Décima Sexta', 16],
    ['DÉCIMA SEXTA', 16],
    ['Vigésima Primera', 21],
    ['Vigesimo Segunda', 22],
    ['Trigésima', 30],
    ['Cuadragésima Quinta', 45],
    ['Nonagésima Novena', 99],
    ['1a.', 1],
    ['21a.', 21],
    ['1o.', 1],
    ['3er', 3],
    ['2ª', 2],
  ])('reads "%s" as %i', (text, expected) => {
    expect(parseSpanishOrdinal(text)).toBe(expected);
  });

  it.each(['', 'foo', 'Centésima', '100a.', '0a.', 'Vigésima Vigésima', 'Primera Vigésima'])('refuses "%s"', (text) => {
    expect(parseSpanishOrdinal(text)).toBeNull();
  });

  it('reads back every number it writes, in both genders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.constantFrom('feminine', 'masculine'), (value, gender) => {
        expect(parseSpanishOrdinal(formatSpanishOrdinal(value, gender))).toBe(value);
      }),
    );
  });
});

describe('formatSpanishOrdinal', () => {
  it('writes the forms the reports use', () => {
    expect(formatSpanishOrdinal(21)).toBe('Vigésima Primera');
    expect(formatSpanishOrdinal(16)).toBe('Décima Sexta');
    expect(formatSpanishOrdinal(10)).toBe('Décima');
    expect(formatSpanishOrdinal(22, 'masculine')).toBe('Vigésimo Segundo');
  });

  it('refuses numbers outside 1–99', () => {
    expect(() => formatSpanishOrdinal(0)).toThrow(RangeError);
    expect(() => formatSpanishOrdinal(100)).toThrow(RangeError);
    expect(() => formatSpanishOrdinal(2.5)).toThrow(RangeError);
  });
});
