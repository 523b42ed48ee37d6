/**
 * Organisation names as written in the sources, reduced to a comparison key: the same
 * organisation appears as "Red por los Derechos de la Infancia en México (REDIM)" and
 * "Red por los Derechos de la Infancia en México, A.C. (REDIM)".
 */
import { collapseWhitespace, normalizeForMatch } from '../text/normalize.js';

export interface OrganizationName {
  /** The name as written, without the trailing acronym in parentheses. */
  name: string;
  /** "REDIM", "AsiLEGAL"; null when the name carries none. */
  acronym: string | null;
  /** Lower-case, accentless, punctuation- and legal-form-free key for matching duplicates. */
  key: string;
}

// A trailing "(ACRONYM)": one token with at least one capital letter.
const TRAILING_ACRONYM = /\s*\(\s*([\p{L}\p{N}&.-]*\p{Lu}[\p{L}\p{N}&.-]*)\s*\)\s*$/u;
// Mexican legal forms, dotted ("A.C.", "A. C.", "I.A.P.", "S.A. de C.V."); the dots keep words like "AC" safe.
const TRAILING_LEGAL_FORM =
  /[\s,]+(?:A\.\s?C|S\.\s?C|I\.\s?A\.\s?P|I\.\s?B\.\s?P|A\.\s?B\.\s?P|S\.\s?A\.?(?:\s?P\.\s?I\.?)?\s+de\s+C\.\s?V)\.?$/iu;

/** Splits a written organisation name into display name, acronym and matching key. */
export function parseOrganizationName(raw: string): OrganizationName {
  const written = collapseWhitespace(raw.normalize('NFC'));
  const acronymMatch = TRAILING_ACRONYM.exec(written);
  const name = acronymMatch ? written.slice(0, acronymMatch.index).replace(/[\s,]+$/, '') : written;
  return { name, acronym: acronymMatch?.[1] ?? null, key: toOrganizationKey(name) };
}

/** The matching key of an organisation name (see `OrganizationName.key`). */
export function toOrganizationKey(name: string): string {
  const withoutLegalForm = name.replace(TRAILING_LEGAL_FORM, '');
  return normalizeForMatch(withoutLegalForm.replace(/[^\p{L}\p{N}]+/gu, ' '));
}
