import type { SessionRef } from '@telar/domain';

/**
 * Spanish (es-MX) wording used by the official reports. Kept free of Intl so the output is the same
 * on every Node build (small-icu builds lack es-MX month names) and matches the documents' casing.
 */

const UNIT_ORDINALS = ['', 'Primera', 'Segunda', 'Tercera', 'Cuarta', 'Quinta', 'Sexta', 'Séptima', 'Octava', 'Novena'];
const TEN_ORDINALS = [
  '',
  'Décima',
  'Vigésima',
  'Trigésima',
  'Cuadragésima',
  'Quincuagésima',
  'Sexagésima',
  'Septuagésima',
  'Octogésima',
  'Nonagésima',
];
const MONTHS = [
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
];

/**
 * Feminine ordinal in title case, as sessions are numbered: 16 → "Décima Sexta", 21 → "Vigésima
 * Primera". The documents write 11 and 12 as "Décima Primera"/"Décima Segunda", not "Undécima".
 */
export function formatOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`Ordinal fuera de rango (1–99): ${n}`);
  const tens = TEN_ORDINALS[Math.floor(n / 10)] ?? '';
  const units = UNIT_ORDINALS[n % 10] ?? '';
  return tens && units ? `${tens} ${units}` : tens || units;
}

/** "Vigésima Primera Sesión Ordinaria", "Sesión Permanente", "Sesión de Instalación". */
export function formatSessionTitle(session: Pick<SessionRef, 'kind' | 'number'>): string {
  const ordinal = session.number === null ? '' : `${formatOrdinal(session.number)} `;
  switch (session.kind) {
    case 'ordinary':
      return `${ordinal}Sesión Ordinaria`;
    case 'extraordinary':
      return `${ordinal}Sesión Extraordinaria`;
    // Permanent and installation sessions carry no number in the documents.
    case 'permanent':
      return 'Sesión Permanente';
    case 'installation':
      return 'Sesión de Instalación';
  }
}

/** ISO date "2022-12-12" → "12 de diciembre de 2022" (calendar date, no time zone involved). */
export function formatSpanishDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`Fecha ISO no válida: ${isoDate}`);
  return `${Number(match[3])} de ${month} de ${match[1]}`;
}

/** "del 1 de noviembre de 2022 al 31 de octubre de 2023". */
export function formatSpanishPeriod(period: { from: string; to: string }): string {
  return `del ${formatSpanishDate(period.from)} al ${formatSpanishDate(period.to)}`;
}
