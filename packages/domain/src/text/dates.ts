/**
 * Spanish calendar dates in words ("12 de diciembre de 2022", "1o. de febrero de 2024",
 * "1 noviembre de 2022") to ISO dates and back.
 */
import { normalizeForMatch } from './normalize.js';

export const SPANISH_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

// "setiembre" is an accepted spelling; the documents' own typo "1 noviembre" (no "de") is tolerated.
const MONTH_PATTERN = `${SPANISH_MONTHS.join('|')}|setiembre`;
const WORDS_DATE = new RegExp(
  `^(\\d{1,2}|primero)\\s*(?:o\\.?|°|º|er\\.?|ro\\.?)?\\s+(?:de\\s+)?(${MONTH_PATTERN})\\s+(?:de(?:l)?\\s+)?(\\d{4})\\.?$`,
);
const NUMERIC_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a Spanish date in words, "dd/mm/yyyy" or ISO; null when absent or impossible (31 de febrero). */
export function parseSpanishDate(text: string): string | null {
  const normalized = normalizeForMatch(text);
  const words = WORDS_DATE.exec(normalized);
  if (words) {
    const [, day = '', month = '', year = ''] = words;
    const monthIndex = month === 'setiembre' ? 9 : SPANISH_MONTHS.indexOf(month as (typeof SPANISH_MONTHS)[number]) + 1;
    return buildIsoDate(Number(year), monthIndex, day === 'primero' ? 1 : Number(day));
  }
  const numeric = NUMERIC_DATE.exec(normalized);
  if (numeric) return buildIsoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = ISO_DATE.exec(normalized);
  if (iso) return buildIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

/** Builds "YYYY-MM-DD" when the day exists in that month and year, else null. */
export function buildIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Writes an ISO date the way the reports do: "9 de junio de 2021". */
export function formatSpanishDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || buildIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === null) {
    throw new RangeError(`Not an ISO date: ${isoDate}`);
  }
  return `${Number(match[3])} de ${SPANISH_MONTHS[Number(match[2]) - 1]} de ${match[1]}`;
}
