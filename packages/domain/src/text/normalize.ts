/**
 * Accent- and case-insensitive matching for Spanish text. Government documents mix "Querétaro"
 * and "Queretaro", "México" and "MÉXICO"; every comparison in the domain goes through here.
 */

const LATIN_ACCENTED = /[\u00C0-\u024F]/g;

/**
 * Replaces each accented Latin letter by its base letter ("Ñ" → "N"), one UTF-16 unit for one,
 * so that indexes found in the folded text are valid in the original.
 */
export function foldAccents(text: string): string {
  return text.replace(LATIN_ACCENTED, (char) => char.normalize('NFD').charAt(0));
}

/**
 * The lines of a text as extracted from a PDF or Word file: any line ending (CRLF, CR, LF), a byte-order
 * mark dropped, NFC, non-breaking spaces as spaces, runs of spaces as one and trailing spaces trimmed
 * (tabs are kept: they separate table cells).
 */
export function splitNormalizedLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/ +$/, ''));
}

/** Collapses every run of whitespace into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Folded, lower-case, whitespace-collapsed form used as a comparison key. */
export function normalizeForMatch(text: string): string {
  return collapseWhitespace(foldAccents(text.normalize('NFC')).toLowerCase());
}

/** Capitalises the first letter of each space-separated word ("décima sexta" → "Décima Sexta"). */
export function capitalizeWords(text: string): string {
  return text.replace(/(^|\s)(\p{Ll})/gu, (_match, space: string, letter: string) => space + letter.toUpperCase());
}

// Footnote marks a label may carry: superscript digits ("Acuerdo adoptado¹"), "[1]", "[^1]", "*".
const FOOTNOTE_MARKS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?\d+\]|\*/gu;
// Inclusive plural and alternative endings: "Acuerdo(s) adoptado(s)", "fue/es relevante".
const OPTIONAL_ENDINGS = /\((?:s|es|as|os)\)|\/(?:es|as|os|s)\b/giu;

/**
 * The comparison key of a label or column header: accents, case, footnote marks, "(s)", "/es",
 * punctuation, non-breaking spaces, repeated spaces and line endings do not count.
 * "Acuerdo(s) adoptado(s)¹:" → "acuerdo adoptado".
 */
export function normalizeLabel(text: string): string {
  const plain = text.normalize('NFC').replace(FOOTNOTE_MARKS, ' ').replace(OPTIONAL_ENDINGS, '');
  return normalizeForMatch(plain.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/**
 * A title as part of a file name: lower case, words joined by hyphens, accents and ñ kept
 * ("Plan País" → "plan-país"); the download header adds an ASCII fallback for old clients.
 */
export function toFileStem(text: string, maxLength = 60): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}
