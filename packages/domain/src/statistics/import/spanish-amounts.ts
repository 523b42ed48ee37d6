/**
 * Numbers as Mexican reports write them: digits with thousands separators ("1,234,567", "49,669.6",
 * "1.234.567,5") and amounts with Spanish scale words ("309 mil 447 millones 752 mil", "1.5 millones").
 *
 * Scale words read the long scale, as Spanish does: "mil" multiplies the number before it within the
 * current group of millions, "millones" closes that group, so "309 mil 447 millones 752 mil" is
 * (309 × 1,000 + 447) × 1,000,000 + 752 × 1,000 = 309,447,752,000. A bare number after "millones" is
 * units: "319 mil, 924 millones, 414" reads 319,924,000,414 — seed 002's columns add up to
 * 319,924,414,554, so the text lost a "mil" and three digits; it is read as written and the total
 * check reports the difference, never a guess at the lost words.
 */

/** A number written with digits: null when its separators are not a thousands or decimal pattern. */
export function parseDigits(token: string): number | null {
  if (/^\d+(\.\d+)?$/.test(token)) return Number(token);
  // English thousands: 1,234,567.89
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token)) return Number(token.replaceAll(',', ''));
  // Spanish thousands: 1.234.567 (two dots or more: one dot alone is a decimal point) or 1.234,5
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(token) || /^\d{1,3}(\.\d{3})+,\d+$/.test(token)) {
    return Number(token.replaceAll('.', '').replace(',', '.'));
  }
  // A decimal comma: thousands groups always have three digits, so "12,5" and "0,25" are decimals.
  if (/^\d+,(\d{1,2}|\d{4,})$/.test(token)) return Number(token.replace(',', '.'));
  return null;
}

const SCALE_WORDS = new Map<string, number>([
  ['mil', 1e3],
  ['millon', 1e6],
  ['millones', 1e6],
  ['billon', 1e12],
  ['billones', 1e12],
]);
const ONE_WORDS = new Set(['un', 'uno', 'una']);

/** True when the text holds letters: a value read from it is an amount in words. */
export const hasWords = (text: string): boolean => /\p{L}/u.test(text);

/** Reads an amount written with digits and/or Spanish scale words; null when it cannot be read as one number. */
export function parseSpanishAmount(text: string): number | null {
  let source = text.trim().replace(/^\$\s*/, '');
  const isNegative = source.startsWith('-');
  if (isNegative) source = source.slice(1).trimStart();
  if (source === '') return null;
  const plain = parseDigits(source);
  if (plain !== null) return isNegative ? -plain : plain;

  // Commas between words ("319 mil, 924 millones") separate nothing: only commas inside a number count.
  const tokens = source
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/,(?!\d)|(?<!\d),/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && token !== 'de' && token !== 'pesos');
  if (tokens.length === 0) return null;

  let total = 0; // millions and above, already closed
  let group = 0; // the thousands of the current group of millions
  let pending: number | null = null; // a number waiting for its scale word
  let groupHasThousands = false;
  let hasMillions = false;
  for (const token of tokens) {
    const scale = SCALE_WORDS.get(token);
    if (scale === undefined) {
      const number = ONE_WORDS.has(token) ? 1 : parseDigits(token);
      // Two numbers in a row ("2,626,901,670 309 mil") are two values, not one amount.
      if (number === null || pending !== null) return null;
      pending = number;
    } else if (scale === 1e3) {
      if (groupHasThousands) return null;
      group += (pending ?? 1) * 1e3;
      pending = null;
      groupHasThousands = true;
    } else {
      const amount = group + (pending ?? 0);
      if (scale === 1e6 && hasMillions) return null;
      if (scale === 1e12 && (hasMillions || total > 0)) return null;
      total += (amount === 0 ? 1 : amount) * scale;
      hasMillions = hasMillions || scale === 1e6;
      group = 0;
      pending = null;
      groupHasThousands = false;
    }
  }
  const amount = total + group + (pending ?? 0);
  return isNegative ? -amount : amount;
}
