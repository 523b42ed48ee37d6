import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSpanishDate, parseSpanishDate } from './dates.js';

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
