import { formatInstantMexicoCity, formatSpanishOrdinal, mexicoCityDay, type AgreementView, type SessionRef } from '@telar/domain';
import { hasMessage, t, type PluralKey } from './translate';

const LOCALE = 'es-MX';
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' });
const dayInMexicoCity = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'America/Mexico_City' });
const numberFormat = new Intl.NumberFormat(LOCALE);
const pluralRules = new Intl.PluralRules(LOCALE);

/**
 * "2022-12-12" → "12 de diciembre de 2022"; calendar dates are read as UTC so no day shifts. A moment
 * (a publication) gives its day in Mexico City: 00:44 UTC on 2 December is 1 December there.
 */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return t('app.none');
  const isCalendarDate = isoDate.length === 10;
  const date = new Date(isCalendarDate ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return (isCalendarDate ? dateFormat : dayInMexicoCity).format(date);
}

/**
 * A moment (a sign-in) in Mexico City time, the system's reference for deadlines, wherever the reader
 * is: "22 de noviembre de 2026 a las 12:29 p.m." (the API's history uses the same wording).
 */
export const formatDateTime = formatInstantMexicoCity;

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * A message that depends on a count, by the Spanish plural rules: `key.one` for 1, `key.other` for the
 * rest (and `key.many` where the catalogue has it); `{count}` is the formatted number.
 */
export function formatCount(key: PluralKey, count: number): string {
  const variant = `${key}.${pluralRules.select(count)}`;
  return t(hasMessage(variant) ? variant : `${key}.other`, { count: formatNumber(count) });
}

/** "Vigésima Primera Sesión Ordinaria", "Sesión Permanente". */
export function formatSessionTitle(session: Pick<SessionRef, 'kind' | 'number'>): string {
  const ordinal = session.number === null ? '' : `${formatSpanishOrdinal(session.number)} `;
  return t(`session.title.${session.kind}`, { ordinal });
}

/** "Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022" — the report's wording. */
export function formatSessionLine(session: Pick<SessionRef, 'kind' | 'number' | 'date'>): string {
  return `${formatSessionTitle(session)}, ${formatDate(session.date)}`;
}

/** "REDIM — Red por los Derechos…" style short label for an organisation or body. */
export function formatRefName(ref: { name: string; acronym: string | null }): string {
  return ref.acronym ? `${ref.name} (${ref.acronym})` : ref.name;
}

/** Today's date as YYYY-MM-DD in Mexico City, for date inputs and due-date checks. */
export function getTodayIso(): string {
  return mexicoCityDay(new Date().toISOString());
}

/** Label of an agreement in lists: its official code, or the first words of its text. */
export function formatAgreementName(agreement: Pick<AgreementView, 'code' | 'text'>): string {
  if (agreement.code) return agreement.code;
  return agreement.text.length > 90 ? `${agreement.text.slice(0, 90).trimEnd()}…` : agreement.text || t('agreements.untitled');
}
