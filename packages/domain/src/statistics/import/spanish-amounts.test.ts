import { describe, expect, it } from 'vitest';
import { parseDigits, parseSpanishAmount } from './spanish-amounts.js';

describe('parseSpanishAmount', () => {
  it.each([
    ['1234', 1234],
    ['1,234,567', 1_234_567],
    ['49,669.6', 49_669.6],
    ['1.234.567', 1_234_567],
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['-3', -3],
    ['$ 2,000', 2000],
  ])('reads digits with separators: %s', (text, expected) => {
    expect(parseSpanishAmount(text)).toBe(expected);
  });

  it.each([
    // Seed 002, 2023 total: (309 × 1,000 + 447) millones + 752 mil.
    ['309 mil 447 millones 752 mil', 309_447_752_000],
    // Seed 002, 2024 total as written: a bare number after "millones" is units (the columns add up to 319,924,414,554).
    ['319 mil, 924 millones, 414', 319_924_000_414],
    // Seed 002, 2025 total: the comma before "mil" separates nothing.
    ['421 , mil 593 millones', 421_593_000_000],
    ['1.5 millones', 1_500_000],
    ['mil millones', 1_000_000_000],
    ['3 mil 200', 3200],
    ['un millón', 1_000_000],
    ['2 billones 5 mil millones', 2_005_000_000_000],
    ['Mil Millones de pesos', 1_000_000_000],
  ])('reads an amount in words: %s', (text, expected) => {
    expect(parseSpanishAmount(text)).toBe(expected);
  });

  it.each([
    '',
    'n.d.',
    '1,23,4',
    // Two values run together by a PDF extraction: never one amount.
    '2,626,901,670 309 mil 447 millones 752 mil',
    '3,597,754,920 223,709,817,169',
    '5 mil 3 mil',
    '4 millones 2 millones',
    'mil doscientos',
  ])('returns null for what is not one amount: %j', (text) => {
    expect(parseSpanishAmount(text)).toBeNull();
  });

  it('reads one dot alone as a decimal point and a comma before three digits as thousands', () => {
    expect(parseDigits('1.234')).toBe(1.234);
    expect(parseDigits('1,234')).toBe(1234);
    expect(parseDigits('1 234')).toBeNull();
  });
});
