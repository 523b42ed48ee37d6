/**
 * The one Spanish date grammar of Telar, used by every importer: calendar dates in words
 * ("12 de diciembre de 2022", "7 de marzo del 2023", "1o. de febrero de 2024", "1° de junio de 2023",
 * "primero de junio de 2023", "1 noviembre de 2022"), "dd/mm/aaaa" and ISO; and periods built from
 * the same pieces ("del 1 de enero al 31 de diciembre de 2024", "de enero a diciembre de 2024"),
 * where a missing first year, day or month is inferred from the other end.
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
const MONTH = `(?:${SPANISH_MONTHS.join('|')}|setiembre)`;
const DAY = String.raw`(?:\d{1,2}|primero)(?:\s*(?:o\.?|°|º|er\.?|ro\.?))?`;
const YEAR = String.raw`\d{4}`;
/** Day, month and year in words, each optional except the month: the parts a period may leave out. */
const WORDS_PARTS = String.raw`(?:(${DAY})\s+(?:de\s+)?)?(${MONTH})(?:\s+(?:de(?:l)?\s+)?(${YEAR}))?`;
const NUMERIC_PARTS = String.raw`(\d{1,2})/(\d{1,2})/(${YEAR})`;
const ISO_PARTS = String.raw`(${YEAR})-(\d{2})-(\d{2})`;
const DATE_PARTS = `(?:${WORDS_PARTS}|${NUMERIC_PARTS}|${ISO_PARTS})`;
const DATE_PATTERN = new RegExp(`^${DATE_PARTS}\\.?$`);
/** The same grammar without capture groups, to find the two ends of a period in a sentence. */
const DATE_TEXT = String.raw`(?:(?:${DAY}\s+(?:de\s+)?)?${MONTH}(?:\s+(?:del?\s+)?${YEAR})?|\d{1,2}/\d{1,2}/${YEAR}|${YEAR}-\d{2}-\d{2})`;
// "del X al Y" and "de X a Y".
const PERIOD_PATTERN = new RegExp(String.raw`\bdel?\s+(${DATE_TEXT})\s+al?\s+(${DATE_TEXT})(?![\p{L}\p{N}/-])`, 'u');
// Something shaped like a period that the grammar above may not read ("del 1 de enero al 31 de diciembre de 2024", "periodo 2024").
const PERIOD_MENTION = new RegExp(String.raw`\bperiodo\b|\bdel\s+(?:\d|primero\b|${MONTH}\b)[^.;:]{0,40}?\s+al\s+[^.;:]{0,40}?\d{4}`);

interface DateParts {
  day: number | null;
  month: number;
  year: number | null;
}

/** Reads a Spanish date in words, "dd/mm/yyyy" or ISO; null when absent, incomplete or impossible (31 de febrero). */
export function parseSpanishDate(text: string): string | null {
  const reading = readSpanishDate(text);
  return 'date' in reading ? reading.date : null;
}

/** Like `parseSpanishDate`, telling a text that is not a date apart from a day the calendar lacks. */
export function readSpanishDate(text: string): { date: string } | { problem: 'unreadable' | 'impossible' } {
  const parts = readDateParts(normalizeForMatch(text));
  if (!parts || parts.day === null || parts.year === null) return { problem: 'unreadable' };
  const date = buildIsoDate(parts.year, parts.month, parts.day);
  return date ? { date } : { problem: 'impossible' };
}

/** What a text says about a reporting period: nothing, a period, or a period that cannot be read. */
export type SpanishPeriodReading = { from: string; to: string } | { unreadable: string } | null;

/**
 * Finds a period in a sentence ("… durante el periodo del 1 de noviembre de 2022 al 31 de octubre de
 * 2023"). A missing first year is the second's (the year before when the first month comes later,
 * "del 1 de noviembre al 31 de octubre de 2023"); a missing first day is the 1st and a missing last
 * day the month's last ("de enero a diciembre de 2024"). Text that mentions a period the grammar
 * cannot read (or an impossible day) gives `unreadable` rather than nothing, so it is never dropped.
 */
export function findSpanishPeriod(text: string): SpanishPeriodReading {
  const normalized = normalizeForMatch(text);
  const match = PERIOD_PATTERN.exec(normalized);
  if (match) {
    const from = readDateParts(match[1] ?? '');
    const to = readDateParts(match[2] ?? '');
    if (from && to && to.year !== null) {
      const toYear = to.year;
      const fromYear = from.year ?? (from.month > to.month ? toYear - 1 : toYear);
      const fromDate = buildIsoDate(fromYear, from.month, from.day ?? 1);
      const toDate = buildIsoDate(toYear, to.month, to.day ?? daysInMonth(toYear, to.month));
      if (fromDate && toDate) return { from: fromDate, to: toDate };
    }
    return { unreadable: match[0] };
  }
  const mention = PERIOD_MENTION.exec(normalized);
  return mention ? { unreadable: mention[0] } : null;
}

function readDateParts(normalized: string): DateParts | null {
  const match = DATE_PATTERN.exec(normalized);
  if (!match) return null;
  const [, day, month, year, numericDay, numericMonth, numericYear, isoYear, isoMonth, isoDay] = match;
  if (month) {
    return { day: readDay(day), month: month === 'setiembre' ? 9 : SPANISH_MONTHS.indexOf(month as (typeof SPANISH_MONTHS)[number]) + 1, year: year ? Number(year) : null };
  }
  if (numericYear) return { day: Number(numericDay), month: Number(numericMonth), year: Number(numericYear) };
  return { day: Number(isoDay), month: Number(isoMonth), year: Number(isoYear) };
}

function readDay(day: string | undefined): number | null {
  if (day === undefined) return null;
  return day.startsWith('primero') ? 1 : Number.parseInt(day, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds "YYYY-MM-DD" when the day exists in that month and year, else null. */
export function buildIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = new RegExp(`^${ISO_PARTS}$`);

/** Writes an ISO date the way the reports do: "9 de junio de 2021". */
export function formatSpanishDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || buildIsoDate(Number(match[1]), Number(match[2]), Number(match[3])) === null) {
    throw new RangeError(`Not an ISO date: ${isoDate}`);
  }
  return `${Number(match[3])} de ${SPANISH_MONTHS[Number(match[2]) - 1]} de ${match[1]}`;
}
