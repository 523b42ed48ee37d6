import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSpanishPeriod, formatSpanishDate, parseSpanishDate } from './dates.js';

describe('parseSpanishDate', () => {
  it.each([
    ['12 de diciembre de 2022', '2022-12-12'],
    ['1o. de febrero de 2024', '2024-02-01'],
    ['1° de marzo de 2023', '2023-03-01'],
    ['1º de marzo de 2023', '2023-03-01'],
    ['1 noviembre de 2022', '2022-11-01'],
    ['9 de junio de 2021', '2021-06-09'],
    ['31 DE OCTUBRE DE 2023', '2023-10-31'],
    ['primero de mayo de 2020', '2020-05-01'],
    ['15 de setiembre del 2019', '2019-09-15'],
    ['29 de febrero de 2024', '2024-02-29'],
    ['05/06/2023', '2023-06-05'],
    ['30/11/2023', '2023-11-30'],
    ['7 de marzo del 2023', '2023-03-07'],
    ['1° de junio de 2023', '2023-06-01'],
    ['1o. de junio de 2023', '2023-06-01'],
    ['primero de junio de 2023', '2023-06-01'],
    ['2023-06-05', '2023-06-05'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(parseSpanishDate(text)).toBe(expected);
  });

  it.each(['31 de febrero de 2023', '29 de febrero de 2023', '32 de diciembre de 2022', '0 de enero de 2020', '12 de brumario de 2022', 'diciembre de 2022', '', '2023-13-01'])(
    'refuses "%s"',
    (text) => {
      expect(parseSpanishDate(text)).toBeNull();
    },
  );
});

describe('formatSpanishDate', () => {
  it('writes dates in words and reads them back', () => {
    expect(formatSpanishDate('2021-06-09')).toBe('9 de junio de 2021');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseSpanishDate(formatSpanishDate(iso))).toBe(iso);
      }),
    );
  });

  it('refuses what is not a real ISO date', () => {
    expect(() => formatSpanishDate('2023-02-30')).toThrow(RangeError);
    expect(() => formatSpanishDate('12 de mayo')).toThrow(RangeError);
  });
});

describe('findSpanishPeriod', () => {
  it.each([
    ['durante el periodo del 1 noviembre de 2022 al 31 de octubre de 2023:', { from: '2022-11-01', to: '2023-10-31' }],
    ['del 1 de enero al 31 de diciembre de 2024', { from: '2024-01-01', to: '2024-12-31' }],
    ['del 1 de noviembre al 31 de octubre de 2023', { from: '2022-11-01', to: '2023-10-31' }],
    ['de enero a diciembre de 2024', { from: '2024-01-01', to: '2024-12-31' }],
    ['de enero a febrero de 2024', { from: '2024-01-01', to: '2024-02-29' }],
    ['del 1o. de junio al 30 de noviembre del 2023.', { from: '2023-06-01', to: '2023-11-30' }],
    ['del primero de junio de 2023 al 30/11/2023', { from: '2023-06-01', to: '2023-11-30' }],
    ['del 01/01/2024 al 31/12/2024', { from: '2024-01-01', to: '2024-12-31' }],
  ])('reads "%s"', (text, expected) => {
    expect(findSpanishPeriod(text)).toEqual(expected);
  });

  it.each([
    ['del 1 de enero al 31 de diciembre', 'no year at all'],
    ['del 1 de febrero al 30 de febrero de 2024', 'impossible day'],
    ['durante el periodo 2023-2024', 'a period in another form'],
  ])('calls "%s" unreadable (%s) instead of finding nothing', (text) => {
    expect(findSpanishPeriod(text)).toHaveProperty('unreadable');
  });

  it('finds nothing in a sentence without a period', () => {
    expect(findSpanishPeriod('La Comisión aprobó el mecanismo en la Décima Sexta Sesión Ordinaria realizada el 9 de junio de 2021.')).toBeNull();
  });
});
