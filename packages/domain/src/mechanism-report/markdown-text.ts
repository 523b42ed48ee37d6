/**
 * Text written into the Markdown export so that a Markdown reader shows it as text, and read back
 * exactly: "<" and ">" (HTML, autolinks) and "](" (an inline link) get a backslash, line breaks
 * become spaces (the export has one field per line). Text without them is written as it is.
 */

/** A run of backslashes before "<" or ">" is doubled and one more added, so the bracket is escaped whatever precedes it. */
const BACKSLASHES_BEFORE_BRACKET = /(\\*)([<>])/g;
const ESCAPED_BRACKET = /(\\+)([<>])/g;
const BACKSLASHES_IN_LINK_OPENING = /\](\\*)\(/g;
const ESCAPED_LINK_OPENING = /\](\\+)\(/g;

export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(BACKSLASHES_BEFORE_BRACKET, (_, slashes: string, bracket: string) => `${slashes}${slashes}\\${bracket}`)
    .replace(BACKSLASHES_IN_LINK_OPENING, (_, slashes: string) => `]${slashes}\\(`);
}

/** The inverse of `escapeMarkdownText` (except for line breaks, which the report never had inside a field). */
export function unescapeMarkdownText(text: string): string {
  return text
    .replace(ESCAPED_BRACKET, (match, slashes: string, bracket: string) =>
      slashes.length % 2 === 1 ? `${'\\'.repeat((slashes.length - 1) / 2)}${bracket}` : match,
    )
    .replace(ESCAPED_LINK_OPENING, (_, slashes: string) => `]${slashes.slice(1)}(`);
}
